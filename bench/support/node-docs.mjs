// Documents written straight to the database by the baselines and the fixtures, made by the API's
// own factory (apps/api/src/modules/nodes/new-node.ts, loaded from its build) and brought to the shape
// of the one write path: figures that follow from others (strength, reply counts, the children they
// are drawn from) are derived by the API, not stored. With the same indexes, the driver does what the
// API's database work would be.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../../apps/api/bin/build-if-stale.mjs';

const require = createRequire(import.meta.url);
export const { ObjectId } = require('mongoose').mongo;
/** Extended JSON, for documents sent to the HTTP floor server (ids and dates survive). */
export const { EJSON } = require('mongoose').mongo.BSON;

/** Loaded on first use: the build is brought up to date after this module is imported. */
const factory = () => require(join(root, 'apps/api/dist/modules/nodes/new-node.js'));

/** Derived figures a node document does not keep. */
const DERIVED = ['children', 'strength', 'replyCounts', 'figuresVersion'];

/**
 * A node as stored: its vote totals, and `votesVersion`, which each $inc of the totals moves by one;
 * none of the figures derived from them. Whatever the factory still sets of those is dropped here.
 */
export function stored(node) {
  const doc = { ...node, votesVersion: node.votesVersion ?? 0 };
  for (const field of DERIVED) delete doc[field];
  return doc;
}
const newNode = (fields) => stored(factory().newNode(fields));

/** NodeSchema's indexes. */
export const NODE_INDEXES = [{ articleId: 1, status: 1 }, { parentId: 1, createdAt: -1 }, { authorId: 1, createdAt: -1 }, { status: 1, createdAt: -1 }, { flagCount: 1 }];

/** VoteSchema's indexes. */
export const VOTE_INDEXES = [
  [{ nodeId: 1, userId: 1 }, { unique: true }],
  [{ userId: 1, articleId: 1 }, {}],
];

export async function createNodeIndexes(db) {
  for (const keys of NODE_INDEXES) await db.collection('nodes').createIndex(keys);
}

export async function createVoteIndexes(db) {
  for (const [keys, options] of VOTE_INDEXES) await db.collection('votes').createIndex(keys, options);
}

/** A reader's visible reply beneath `parent` (a node document), as NodesService.createReply makes it. */
export function replyDoc({ parent, type, text, authorId, authorName, now = new Date() }) {
  return stored(factory().newReply(parent, { type, text, authorId, authorName, createdAt: now }));
}

/** An article's root thesis and paragraph claims (no sentences), for the baselines' own database. */
export function articleSkeleton(paragraphs) {
  const articleId = new ObjectId();
  const root = newNode({ articleId, type: 'claim', text: 'Benchmark article', origin: 'article' });
  const claims = Array.from({ length: paragraphs }, (_, paragraphIndex) =>
    newNode({ articleId, parentId: root._id, ancestors: [root._id], depth: 1, type: 'claim', text: `Paragraph ${paragraphIndex} of the benchmark article.`, origin: 'article', paragraphIndex }),
  );
  return { articleId, root, claims };
}
