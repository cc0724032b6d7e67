// What one of each query the API's write paths make costs on the database as it stands after a
// scenario, timed through the raw driver one at a time (median of a few): the unit prices behind
// "operations per request". FerretDB v1.24 (SQLite) answers a filter other than exactly {_id} by
// reading and decoding the whole collection, so those prices grow with the collection.
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
  const shapes = [
    ['nodes.findOne {_id} (pushed down to SQL)', () => nodes.findOne({ _id: sample._id })],
    ['users.findOne {_id} (pushed down to SQL)', () => db.collection('users').findOne({ _id: sample.authorId })],
    ['live_events.findOne {articleId} sort seq -1 (LiveEventsRepository.latestSeq)', () => db.collection('live_events').findOne({ articleId: sample.articleId }, { sort: { seq: -1 }, projection: { seq: 1 } })],
    ['votes.find {nodeId} (VotesRepository.tally)', () => db.collection('votes').find({ nodeId: sample._id }, { projection: { value: 1, _id: 0 } }).toArray()],
    ['nodes.find {parentId, status} (findPublicChildStrengths)', () => nodes.find({ parentId: sample.parentId, status: 'visible' }, { projection: { type: 1, strength: 1 } }).toArray()],
    ['nodes.countDocuments {_id: {$in}, locked} (isLockedPath)', () => nodes.countDocuments({ _id: { $in: sample.ancestors }, locked: true })],
    ['nodes.find {parentId, origin, status} (NodesRepository.countPublicReplies)', () => nodes.find({ parentId: sample.parentId, origin: 'user', status: 'visible' }, { projection: { type: 1, _id: 0 } }).toArray()],
    ['nodes.countDocuments {articleId, origin, status} (countPublicArticleReplies)', () => nodes.countDocuments({ articleId: sample.articleId, origin: 'user', status: 'visible' })],
    ['nodes.updateOne {_id} $set (StrengthService via setStrength; a write)', () => nodes.updateOne({ _id: sample._id }, { $set: { strength: sample.strength } })],
    ['articles.findOne {_id, state} (ArticlesRepository.findSummaryById)', () => db.collection('articles').findOne({ _id: sample.articleId, state: 'ready' }, { projection: { source: 0, paragraphs: 0 } })],
  ];
  const sizes = {};
  for (const name of ['nodes', 'votes', 'live_events', 'users', 'articles']) sizes[name] = await db.collection(name).estimatedDocumentCount();
  const costs = [];
  for (const [name, run] of shapes) costs.push([name, await price(run)]);
  return { sizes, costs };
}

export function queryCostNotes({ sizes, costs }) {
  return [
    `one query of each kind, timed alone now (${Object.entries(sizes)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')} documents):`,
    ...costs.map(([name, ms]) => `  ${ms.toFixed(2).padStart(7)} ms  ${name}`),
  ];
}
