import type { ArgumentNode, ArticleDetail, AuditEntry, AuthResponse } from '@agora/shared';
import { bearer, registerAdmin, registerUser, type TestApp } from './test-app';

/** A signed-in test user. */
export interface Who {
  token: string;
  id: string;
  username: string;
}

/** Every role the moderation endpoints must answer: the cast of the moderation e2e specs. */
export interface ModerationWorld {
  t: TestApp;
  article: ArticleDetail;
  admin: Who;
  moderator: Who;
  author: Who;
  reader: Who;
  suspended: Who;
  banned: Who;
}

const who = (r: AuthResponse): Who => ({ token: r.token, id: r.user.id, username: r.user.username });

export async function register(t: TestApp, prefix: string): Promise<Who> {
  return who(await registerUser(t, prefix));
}

/** Registers an account made admin as the operator's `npm run admin -- promote` makes one. */
export async function registerAdminWho(t: TestApp, prefix = 'admin'): Promise<Who> {
  return who(await registerAdmin(t, prefix));
}

/** Registers the cast in a fresh app: the admin (promoted as an operator would) appoints, suspends and bans. */
export async function moderationWorld(t: TestApp): Promise<ModerationWorld> {
  const admin = await registerAdminWho(t);
  const [moderator, author, reader, suspended, banned] = [
    await register(t, 'mod'),
    await register(t, 'author'),
    await register(t, 'reader'),
    await register(t, 'susp'),
    await register(t, 'banned'),
  ];
  await t.http().post(`/api/admin/users/${moderator.id}/role`).set(...bearer(admin.token)).send({ role: 'moderator' }).expect(200);
  const until = new Date(Date.now() + 24 * 3600e3).toISOString();
  await t.http().post(`/api/moderation/users/${suspended.id}/suspend`).set(...bearer(admin.token)).send({ until, reason: 'cooling off' }).expect(200);
  await t.http().post(`/api/moderation/users/${banned.id}/ban`).set(...bearer(admin.token)).send({ reason: 'spam' }).expect(200);
  const list = await t.http().get('/api/articles').expect(200);
  const article = (await t.http().get(`/api/articles/${list.body.items[0].id}`).expect(200)).body as ArticleDetail;
  return { t, article, admin, moderator, author, reader, suspended, banned };
}

/** Posts a reply to a paragraph and returns the new node. */
export async function postReply(w: Pick<ModerationWorld, 't' | 'article'>, by: Who, text: string, paragraph = 1, type: 'support' | 'rebuttal' = 'rebuttal'): Promise<ArgumentNode> {
  const res = await w.t.http().post(`/api/articles/${w.article.id}/paragraphs/${paragraph}/replies`).set(...bearer(by.token)).send({ type, text });
  if (res.status !== 201) throw new Error(`post: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ArgumentNode;
}

/** A node as a given reader (or anonymous) receives it; status and body. */
export async function readNode(t: TestApp, id: string, by?: Who): Promise<{ status: number; node: ArgumentNode }> {
  const req = t.http().get(`/api/nodes/${id}`);
  const res = by ? await req.set(...bearer(by.token)) : await req;
  return { status: res.status, node: res.body as ArgumentNode };
}

/** The whole audit log, newest first, following cursors. */
export async function fullAudit(t: TestApp, by: Who): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: AuditEntry[]; nextCursor: string | null } } = await t.http().get('/api/moderation/audit').query({ limit: 200, ...(cursor ? { cursor } : {}) }).set(...bearer(by.token)).expect(200);
    out.push(...(res.body.items as AuditEntry[]));
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

export { bearer };
