// What one of each query the API's write paths make costs on the database as it stands after a
// scenario, timed through the raw driver one at a time (median of a few): the unit prices behind
// "operations per request". FerretDB v1.24 (SQLite) answers a filter other than exactly {_id} by
// reading and decoding the whole collection, so those prices grow with it; an exact {_id} filter is
// an indexed lookup in our build (as published, it was a table scan too: see ID_LOOKUP_PATCH).
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
  const parent = await nodes.findOne({ _id: sample.parentId });
  const parentChildren = typeof parent?.children === 'string' ? Object.keys(JSON.parse(parent.children)).length : 'no';
  const shapes = [
    ['nodes.findOne {_id} (every read of a node, its parent and ancestors)', () => nodes.findOne({ _id: sample._id })],
    ['users.findOne {_id} (AuthGuard: is the account still allowed)', () => db.collection('users').findOne({ _id: sample.authorId })],
    ['votes.findOne {_id} (VotesRepository.find: the previous vote)', () => db.collection('votes').findOne({ _id: `${sample._id}:${sample.authorId}` })],
    ['articles.findOne {_id} (ArticlesRepository.findSummaryById)', () => db.collection('articles').findOne({ _id: sample.articleId })],
    ['nodes.updateOne {_id} $set (settling a node; a write)', () => nodes.updateOne({ _id: sample._id }, { $set: { strength: sample.strength } })],
    [`nodes.updateOne {_id} $set of its parent (${parentChildren} children; the parent's figures, a write)`, () => nodes.updateOne({ _id: sample.parentId }, { $set: { strength: parent?.strength ?? 0.5 } })],
    ['votes.find {nodeId} (VotesRepository.tally: only to repair unfinished work)', () => db.collection('votes').find({ nodeId: sample._id }, { projection: { value: 1, _id: 0 } }).toArray()],
    ['nodes.find {parentId, status} (findPublicChildren: only to rebuild a children map)', () => nodes.find({ parentId: sample.parentId, status: 'visible' }, { projection: { type: 1, strength: 1 } }).toArray()],
    ['live_log.findOne {articleId} sort seq -1 (latestSeq: once per article per instance, and on a join with since)', () => db.collection('live_log').findOne({ articleId: sample.articleId }, { sort: { seq: -1 }, projection: { lastSeq: 1 } })],
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
