import { emptyVotes } from '@agora/shared';
import { Types } from 'mongoose';
import type { NodeRecord } from './node.model';

/** A new node as stored: fresh id, no votes, visible, unlocked; `fields` says the rest. */
export function newNode(fields: Pick<NodeRecord, 'articleId' | 'type' | 'text' | 'origin'> & Partial<NodeRecord>): NodeRecord {
  return {
    _id: new Types.ObjectId(),
    parentId: null,
    ancestors: [],
    depth: 0,
    authorId: null,
    authorName: null,
    paragraphIndex: null,
    sentenceIndex: null,
    anchor: null,
    status: 'visible',
    votes: emptyVotes(),
    votesVersion: 0,
    flagCount: 0,
    locked: false,
    pinned: false,
    withdrawn: false,
    history: [],
    attribution: null,
    moderation: null,
    createdAt: new Date(),
    editedAt: null,
    version: 1,
    ...fields,
  };
}

/** A reader's reply beneath `parent`, placed in its thread (ancestors, depth, paragraph). */
export function newReply(
  parent: Pick<NodeRecord, '_id' | 'articleId' | 'ancestors' | 'depth' | 'paragraphIndex'>,
  fields: Pick<NodeRecord, 'type' | 'text' | 'authorId' | 'authorName'> & Partial<Pick<NodeRecord, 'anchor' | 'status' | 'createdAt'>>,
): NodeRecord {
  return newNode({
    articleId: parent.articleId,
    parentId: parent._id,
    ancestors: [...(parent.ancestors ?? []), parent._id],
    depth: parent.depth + 1,
    origin: 'user',
    paragraphIndex: parent.paragraphIndex,
    ...fields,
  });
}
