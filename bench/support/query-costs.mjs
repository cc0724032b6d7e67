// What one of each query the API's write paths make costs on the database as it stands after a
// scenario, timed through the raw driver one at a time (median of a few): the unit prices behind
// "operations per request". FerretDB v1.24 (SQLite) answers a filter that names no _id by reading and
// decoding the whole collection, so those prices grow with it; a filter by _id is an indexed lookup in
// our build (as published, it was a table scan too: see apps/api/ferretdb/patches).
import { median } from './stats.mjs';

const REPEAT = 5;

async function price(run) {
  await run();
  const times = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** `sample` is one reply node of the API's database, as stored. */
export async function queryCosts(db, sample) {
  const nodes = db.collection('nodes');
  // A vote of no one's: the probes must not change what the scenario checks afterwards.
  const voteId = `bench-probe:${String(sample._id)}`;
  const shapes = [
    ['nodes.findOne {_id} (a vote reads its node; a reply its parent)', () => nodes.findOne({ _id: sample._id })],
    ['users.findOne {_id} (AuthGuard: is the account still allowed)', () => db.collection('users').findOne({ _id: sample.authorId })],
    ['votes.findOneAndUpdate {_id} upsert $set $inc pending (the vote, returning the one it replaces; a write)', () => db.collection('votes').findOneAndUpdate({ _id: voteId }, { $set: { value: 3 }, $inc: { pending: 0 } }, { upsert: true, returnDocument: 'before' })],
    ['nodes.findOneAndUpdate {_id} $inc votes (the totals; a write)', () => nodes.findOneAndUpdate({ _id: sample._id }, { $inc: { votesVersion: 0 } }, { returnDocument: 'after' })],
    ['votes.updateOne {_id} $inc pending -1 (the mark taken back; a write)', () => db.collection('votes').updateOne({ _id: voteId }, { $inc: { pending: 0 } })],
    ['live_counters.findOneAndUpdate {_id} $inc seq (every live event; a write)', () => db.collection('live_counters').findOneAndUpdate({ _id: `bench-probe-${String(sample.articleId)}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' })],
    ['votes.find {nodeId} (VoteRepair: only to recount a node a crash left)', () => db.collection('votes').find({ nodeId: sample._id }, { projection: { value: 1, _id: 0 } }).toArray()],
    ['nodes.find {articleId, status} (ArticleTrees: once per article per instance)', () => nodes.find({ articleId: sample.articleId, status: 'visible' }, { projection: { _id: 1 } }).toArray()],
  ];
  const sizes = {};
  for (const name of ['nodes', 'votes', 'live_log', 'users', 'articles']) sizes[name] = await db.collection(name).estimatedDocumentCount();
  const costs = [];
  for (const [name, run] of shapes) costs.push([name, await price(run)]);
  // How SQLite runs a primary-key lookup under FerretDB: 'SCAN' would mean every row is read.
  const explained = await db.command({ explain: { find: 'nodes', filter: { _id: sample._id }, limit: 1 } }).catch(() => null);
  const plan = explained?.queryPlanner?.Plan?.join('; ') ?? JSON.stringify(explained?.queryPlanner ?? null);
  return { sizes, costs, plan };
}

export function queryCostNotes({ sizes, costs, plan }) {
  return [
    `SQLite's plan for nodes.find {_id} under FerretDB: ${plan}`,
    `one query of each kind, timed alone now (${Object.entries(sizes)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')} documents):`,
    ...costs.map(([name, ms]) => `  ${ms.toFixed(2).padStart(7)} ms  ${name}`),
  ];
}
