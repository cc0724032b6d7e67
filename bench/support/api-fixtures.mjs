// Users, the seed article and reply nodes created through the API, as a reader would create them.
import { api } from './http-load.mjs';

/** Runs `task(i)` for i < count with at most `limit` at once. */
export async function pooled(count, limit, task) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

/** The seed article imported at start-up: its id and paragraph indexes. */
export async function seedArticle(baseUrl) {
  const { items } = await api(baseUrl, 'GET', '/api/articles');
  const detail = await api(baseUrl, 'GET', `/api/articles/${items[0].id}`);
  return { id: detail.id, paragraphs: detail.paragraphs.map((p) => p.index) };
}

/** Registers `count` new users through the API at `baseUrl`: [{token, id, username}]. */
export async function registerUsers(baseUrl, count, prefix = `bench_${Date.now().toString(36)}`) {
  return pooled(count, 4, async (i) => {
    const { token, user } = await api(baseUrl, 'POST', '/api/auth/register', { body: { username: `${prefix}_${i}`, password: 'bench-Quiet-lantern-71' } });
    return { token, id: user.id, username: user.username };
  });
}

/**
 * `count` registered users, shared by the scenarios of one run (argon2 hashing makes registering
 * the slow part of the set-up): registers only those not registered yet.
 */
export async function benchUsers(env, count) {
  env.users ??= [];
  const missing = Math.max(0, count - env.users.length);
  env.users.push(...(await registerUsers(env.baseUrl, missing)));
  return env.users.slice(0, count);
}

export function replyText(i) {
  return `Benchmark argument ${i}: the paragraph overstates how far the sectarian split explains the violence, and the record since 2003 suggests otherwise.`;
}

/** Posts `count` replies to the article's paragraphs; reply i is written by user i % users.length. */
export async function postReplies(baseUrl, article, users, count) {
  return pooled(count, 4, async (i) => {
    const author = i % users.length;
    const paragraph = article.paragraphs[i % article.paragraphs.length];
    const node = await api(baseUrl, 'POST', `/api/articles/${article.id}/paragraphs/${paragraph}/replies`, {
      token: users[author].token,
      body: { type: i % 3 === 0 ? 'rebuttal' : 'support', text: replyText(i) },
    });
    return { id: node.id, author, doc: node };
  });
}
