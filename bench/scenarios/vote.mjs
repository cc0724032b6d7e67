// Vote path: PUT /api/nodes/:id/vote from many users on many nodes, beside the raw driver doing a
// vote upsert plus the node's aggregate update for the same sequence of (user, node, value).
import { VOTE_NODES, VOTE_USERS } from '../support/settings.mjs';
import { benchUsers, postReplies, seedArticle } from '../support/api-fixtures.mjs';
import { articleSkeleton, createNodeIndexes, createVoteIndexes, EJSON, ObjectId, replyDoc } from '../support/node-docs.mjs';
import { queryCostNotes, queryCosts } from '../support/query-costs.mjs';
import { rawVote } from '../support/raw-writes.mjs';
import { compareThroughput, throughputNotes } from '../support/throughput.mjs';

/** Every (user, node) pair but a user's own nodes, shuffled by a fixed seed so both sides share the order. */
export function votePairs(userCount, authors) {
  const pairs = [];
  for (let u = 0; u < userCount; u++) for (let n = 0; n < authors.length; n++) if (authors[n] !== u) pairs.push([u, n]);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  return pairs;
}

/** The i-th vote's value: each pass over the pairs moves every vote by one, so re-votes change something. */
export const voteValue = (i, pairCount) => ((i % pairCount) + Math.floor(i / pairCount)) % 5 + 1;

const BASELINE_WORK = 'findOneAndUpdate upsert by the vote\'s _id (node:user, as the API keys votes) returning the old value, then updateOne $inc of the node totals and votesVersion (2 round trips)';

export async function voteScenario(env, log) {
  const article = await seedArticle(env.baseUrl);
  log(`  registering ${VOTE_USERS} users and posting ${VOTE_NODES} replies to vote on`);
  const users = await benchUsers(env, VOTE_USERS);
  const nodes = await postReplies(env.baseUrl, article, users, VOTE_NODES);
  const pairs = votePairs(users.length, nodes.map((n) => n.author));

  const request = (i) => {
    const [u, n] = pairs[i % pairs.length];
    return { path: `/api/nodes/${nodes[n].id}/vote`, token: users[u].token, body: { value: voteValue(i, pairs.length) } };
  };

  // The baseline's own database: the same users (as ids), the same nodes, the same indexes.
  const raw = env.rawDb;
  await createVoteIndexes(raw);
  await createNodeIndexes(raw);
  const { articleId, root, claims } = articleSkeleton(article.paragraphs.length);
  const rawUsers = users.map(() => new ObjectId());
  const rawNodes = nodes.map((n, i) =>
    replyDoc({ parent: claims[i % claims.length], type: n.doc.type, text: n.doc.text, authorId: rawUsers[n.author], authorName: n.doc.authorName }),
  );
  await raw.collection('nodes').insertMany([root, ...claims, ...rawNodes]);
  // The i-th vote as the baseline and the HTTP floor make it (raw-writes.mjs).
  const rawVoteOf = (i) => {
    const [u, n] = pairs[i % pairs.length];
    return { nodeId: rawNodes[n]._id, userId: rawUsers[u], articleId, value: voteValue(i, pairs.length) };
  };
  const rawOp = (i) => rawVote(raw, rawVoteOf(i));
  const floorRequest = (i) => ({ path: '/vote', body: EJSON.serialize(rawVoteOf(i)) });

  const { api, raw: base, floor } = await compareThroughput(env, { name: 'vote', method: 'PUT', request, rawOp, floorRequest, log });
  const costs = await queryCosts(env.apiDb, await env.apiDb.collection('nodes').findOne({ _id: new ObjectId(nodes[0].id) }));
  return {
    scenario: { name: 'vote', metric: 'throughput', value: api.perSecond, unit: 'votes/s', baseline: base.perSecond, ratio: api.perSecond / base.perSecond, p50: api.p50, p99: api.p99 },
    details: { users: users.length, nodes: nodes.length, pairs: pairs.length, api, baseline: base, floor, baselineWork: BASELINE_WORK, queryCosts: costs },
    notes: [...throughputNotes(api, base, 'votes/s', floor), `baseline does: ${BASELINE_WORK}`, ...queryCostNotes(costs)],
  };
}
