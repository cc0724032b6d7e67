// Reply path: POST /api/articles/:id/paragraphs/:index/replies from many users across the seed
// article's paragraphs, beside the raw driver inserting the same documents and counting each on its parent.
import { VOTE_USERS } from '../support/settings.mjs';
import { benchUsers, replyText, seedArticle } from '../support/api-fixtures.mjs';
import { articleSkeleton, createNodeIndexes, EJSON, ObjectId, replyDoc } from '../support/node-docs.mjs';
import { queryCostNotes, queryCosts } from '../support/query-costs.mjs';
import { rawReply } from '../support/raw-writes.mjs';
import { compareThroughput, throughputNotes } from '../support/throughput.mjs';

const BASELINE_WORK = "insertOne of the reply document the API stores, into a nodes collection with the same indexes, then updateOne $inc of the parent's replyCounts.<type> (2 round trips)";

const replyType = (i) => (i % 3 === 0 ? 'rebuttal' : 'support');

export async function replyScenario(env, log) {
  const article = await seedArticle(env.baseUrl);
  const users = await benchUsers(env, VOTE_USERS);
  const paragraphOf = (i) => article.paragraphs[i % article.paragraphs.length];
  const request = (i) => ({
    path: `/api/articles/${article.id}/paragraphs/${paragraphOf(i)}/replies`,
    token: users[i % users.length].token,
    body: { type: replyType(i), text: replyText(i) },
  });

  const raw = env.rawDb;
  await createNodeIndexes(raw);
  const { root, claims } = articleSkeleton(article.paragraphs.length);
  await raw.collection('nodes').insertMany([root, ...claims]);
  const rawUsers = users.map((u) => ({ id: new ObjectId(u.id), username: u.username }));
  // The i-th reply as the baseline and the HTTP floor store it (raw-writes.mjs).
  const rawReplyOf = (i) => {
    const author = rawUsers[i % rawUsers.length];
    return replyDoc({ parent: claims[i % claims.length], type: replyType(i), text: replyText(i), authorId: author.id, authorName: author.username });
  };
  const rawOp = (i) => rawReply(raw, rawReplyOf(i));
  const floorRequest = (i) => ({ path: '/reply', body: EJSON.serialize(rawReplyOf(i)) });

  const { api, raw: base, floor } = await compareThroughput(env, { name: 'reply', method: 'POST', request, rawOp, floorRequest, log });
  const costs = await queryCosts(env.apiDb, await env.apiDb.collection('nodes').findOne({ origin: 'user' }, { sort: { _id: -1 } }));
  return {
    scenario: { name: 'reply', metric: 'throughput', value: api.perSecond, unit: 'replies/s', baseline: base.perSecond, ratio: api.perSecond / base.perSecond, p50: api.p50, p99: api.p99 },
    details: { users: users.length, paragraphs: article.paragraphs.length, api, baseline: base, floor, baselineWork: BASELINE_WORK, queryCosts: costs },
    notes: [...throughputNotes(api, base, 'replies/s', floor), `baseline does: ${BASELINE_WORK}`, ...queryCostNotes(costs)],
  };
}
