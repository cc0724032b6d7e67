import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AppealStatus, NodeStatus } from '@agora/shared';
import { Types, type Model, type QueryFilter, type UpdateQuery } from 'mongoose';
import { InjectModeratedFacts } from '../../infra/cache/moderated-facts.module';
import type { FactsMark, ModeratedFacts } from '../../infra/cache/moderated-facts';
import { retryTransient } from '../../infra/database/transient-retry';
import { ArgumentNodeDoc, type NodeRecord } from './node.model';

const oid = (id: string | Types.ObjectId): Types.ObjectId => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/** Which non-public nodes a listing may include besides the visible ones. */
export interface ListingScope {
  /** Moderators see every status. */
  everything: boolean;
  /** Authors see their own pending and hidden nodes. */
  authorId: string | null;
}

/** Listings leave out what only the server needs. */
const LISTED = { history: 0 } as const;

/** How one vote moves a node's totals: `before` and `after` are the voter's old and new values (null: none). */
function votesDelta(before: number | null, after: number | null): Record<string, number> {
  const inc: Record<string, number> = { votesVersion: 1, 'votes.count': 0, 'votes.sum': 0 };
  if (before !== null) {
    inc['votes.count']--;
    inc['votes.sum'] -= before;
    inc[`votes.histogram.${before}`] = (inc[`votes.histogram.${before}`] ?? 0) - 1;
  }
  if (after !== null) {
    inc['votes.count']++;
    inc['votes.sum'] += after;
    inc[`votes.histogram.${after}`] = (inc[`votes.histogram.${after}`] ?? 0) + 1;
  }
  return inc;
}

/** Nodes as stored. Every update is one atomic single-document operation. */
/** A node's vote totals as a vote left them. */
export type MovedVotes = Pick<NodeRecord, '_id' | 'articleId' | 'votes' | 'votesVersion'>;

@Injectable()
export class NodesRepository {
  constructor(
    @InjectModel(ArgumentNodeDoc.name) private readonly nodes: Model<ArgumentNodeDoc>,
    @InjectModeratedFacts() private readonly moderated: ModeratedFacts,
  ) {}

  findById(id: string | Types.ObjectId): Promise<NodeRecord | null> {
    return this.nodes.findById(id, LISTED).lean<NodeRecord>().exec();
  }

  /** A node with its earlier texts: what an edit replaces them with. */
  findWithHistory(id: string | Types.ObjectId): Promise<NodeRecord | null> {
    return this.nodes.findById(id).lean<NodeRecord>().exec();
  }

  /** A node's earlier texts with what deciding who may read them needs. */
  findHistory(id: string | Types.ObjectId): Promise<Pick<NodeRecord, '_id' | 'status' | 'authorId' | 'withdrawn' | 'editedAt' | 'history'> | null> {
    return this.nodes.findById(id, { status: 1, authorId: 1, withdrawn: 1, editedAt: 1, history: 1 }).lean<NodeRecord>().exec();
  }

  findManyByIds(ids: (string | Types.ObjectId)[]): Promise<NodeRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.nodes.find({ _id: { $in: ids.map(oid) } }, LISTED).lean<NodeRecord[]>().exec();
  }

  /** A reader's own posts, newest first: `statuses` says which a viewer may see. */
  findByAuthor(authorId: string | Types.ObjectId, statuses: readonly NodeStatus[], limit: number): Promise<NodeRecord[]> {
    return this.nodes
      .find({ authorId: oid(authorId), status: { $in: [...statuses] } }, LISTED)
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<NodeRecord[]>()
      .exec();
  }

  /** What search needs of every public node (SearchIndex reads it once per instance). */
  findPublicTexts(): Promise<Pick<NodeRecord, '_id' | 'articleId' | 'text' | 'createdAt' | 'version' | 'withdrawn'>[]> {
    return this.nodes.find({ status: 'visible' }, { articleId: 1, text: 1, createdAt: 1, version: 1, withdrawn: 1 }).lean<NodeRecord[]>().exec();
  }

  /** The text, status and author of each named node as it is now (what a replay gives its old events). */
  findTexts(ids: readonly string[]): Promise<Pick<NodeRecord, '_id' | 'text' | 'status' | 'authorId' | 'withdrawn'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.nodes.find({ _id: { $in: ids.map(oid) } }, { text: 1, status: 1, authorId: 1, withdrawn: 1 }).lean<Pick<NodeRecord, '_id' | 'text' | 'status' | 'authorId' | 'withdrawn'>[]>().exec();
  }

  /** Every public node of an article: what its tree is built from. */
  findPublicOfArticle(articleId: string): Promise<NodeRecord[]> {
    return this.nodes.find({ articleId: oid(articleId), status: 'visible' }, LISTED).lean<NodeRecord[]>().exec();
  }

  /** The nodes beyond the public ones that a scope may see, under an article or a parent; none for plain readers. */
  async findNonPublic(where: { articleId: string } | { parentId: string }, scope: ListingScope): Promise<NodeRecord[]> {
    if (!scope.everything && !scope.authorId) return [];
    const base: QueryFilter<ArgumentNodeDoc> = 'articleId' in where ? { articleId: oid(where.articleId) } : { parentId: oid(where.parentId) };
    const filter: QueryFilter<ArgumentNodeDoc> = scope.everything
      ? { ...base, status: { $ne: 'visible' as const } }
      : { ...base, authorId: oid(scope.authorId!), status: { $in: ['pending' as const, 'hidden' as const] } };
    return this.nodes.find(filter, LISTED).lean<NodeRecord[]>().exec();
  }

  /** Every node of an article, any status, with what a revision of its text reads of it. */
  findForRevision(articleId: string | Types.ObjectId): Promise<NodeRecord[]> {
    const fields = { parentId: 1, ancestors: 1, depth: 1, origin: 1, type: 1, text: 1, paragraphIndex: 1, sentenceIndex: 1, anchor: 1, version: 1, orphan: 1 };
    return this.nodes.find({ articleId: oid(articleId) }, fields).lean<NodeRecord[]>().exec();
  }

  /**
   * Applies a revision's node changes, each a single-document `$set` of absolute values by id, and its
   * new nodes, each inserted only if absent: applied twice, they leave the same nodes as once.
   */
  async applyRevision(updates: readonly { id: Types.ObjectId; set: Record<string, unknown> }[], inserts: readonly NodeRecord[]): Promise<void> {
    const ops = [
      ...updates.map((u) => ({ updateOne: { filter: { _id: oid(u.id) }, update: { $set: u.set } } })),
      ...inserts.map((n) => ({ updateOne: { filter: { _id: oid(n._id) }, update: { $setOnInsert: n }, upsert: true } })),
    ];
    for (let i = 0; i < ops.length; i += 500) await retryTransient(() => this.nodes.collection.bulkWrite(ops.slice(i, i + 500), { ordered: false }));
  }

  /** The article's nodes orphaned by a revision, any status. */
  findOrphans(articleId: string | Types.ObjectId): Promise<NodeRecord[]> {
    return this.nodes.find({ articleId: oid(articleId), orphan: { $ne: null } }, LISTED).sort({ createdAt: 1 }).lean<NodeRecord[]>().exec();
  }

  /** Every node beneath one, at any depth. */
  findDescendants(id: string | Types.ObjectId): Promise<Pick<NodeRecord, '_id' | 'ancestors' | 'version'>[]> {
    return this.nodes.find({ ancestors: oid(id) }, { ancestors: 1, version: 1 }).lean<Pick<NodeRecord, '_id' | 'ancestors' | 'version'>[]>().exec();
  }

  findParagraphClaim(articleId: string, paragraphIndex: number): Promise<NodeRecord | null> {
    return this.nodes.findOne({ articleId: oid(articleId), paragraphIndex, type: 'claim', origin: 'article' }, LISTED).lean<NodeRecord>().exec();
  }

  /** Stores a node built whole by newNode (every field set), through the driver's own call: a reply's hot path. */
  async insert(node: NodeRecord): Promise<NodeRecord> {
    await this.nodes.collection.insertOne(node);
    return node;
  }

  async insertMany(nodes: NodeRecord[]): Promise<void> {
    await this.nodes.insertMany(nodes, { ordered: true });
  }

  /**
   * Moves a node's vote totals by one voter's change, in one atomic update that also moves
   * `votesVersion`; returns the node as updated (null if it is gone). The driver's own call: the
   * update is computed here from a validated vote, and mongoose's casting was a good part of a vote's CPU.
   */
  async moveVotes(id: Types.ObjectId, before: number | null, after: number | null): Promise<MovedVotes | null> {
    return retryTransient(() => this.nodes.collection.findOneAndUpdate({ _id: id }, { $inc: votesDelta(before, after) }, { returnDocument: 'after' })) as Promise<MovedVotes | null>;
  }

  /**
   * Sets a node's totals as recounted from its votes, only if no vote moved them since `votesVersion`
   * was read (compare-and-set): a repair never undoes a vote made meanwhile. Returns the node as
   * updated, or null when it lost that race.
   */
  replaceVotes(id: Types.ObjectId, votesVersion: number, votes: NodeRecord['votes']): Promise<NodeRecord | null> {
    return this.nodes.findOneAndUpdate({ _id: id, votesVersion }, { $set: { votes }, $inc: { votesVersion: 1 } }, { returnDocument: 'after' }).lean<NodeRecord>().exec();
  }

  countPublicArticleReplies(articleId: Types.ObjectId | string): Promise<number> {
    return this.nodes.countDocuments({ articleId: oid(articleId), origin: 'user', status: 'visible' }).exec();
  }

  countUserPosts(authorId: string): Promise<number> {
    return this.nodes.countDocuments({ authorId: oid(authorId), origin: 'user' }).exec();
  }

  /**
   * The thread rules on a reply's path, each node read once (see threadRules): whether the parent or a
   * node above it is locked, and which of them are in slow mode, slowest first.
   */
  async pathRules(parent: { _id: Types.ObjectId; locked: boolean; ancestors: readonly (string | Types.ObjectId)[] }, since?: FactsMark): Promise<{ locked: boolean; slowed: { _id: Types.ObjectId; slowModeSeconds: number }[] }> {
    const ids = [...parent.ancestors.map((id) => oid(id)), parent._id];
    const rules = await Promise.all(ids.map((id) => this.threadRules(id, since)));
    const locked = parent.locked || rules.slice(0, -1).some((r) => r?.locked);
    const slowed = ids.map((_id, i) => ({ _id, slowModeSeconds: rules[i]?.slowModeSeconds ?? 0 })).filter((r) => r.slowModeSeconds > 0);
    return { locked, slowed: slowed.sort((a, b) => b.slowModeSeconds - a.slowModeSeconds) };
  }

  /** When the user last replied anywhere beneath `threadId`. */
  async lastReplyBeneath(threadId: Types.ObjectId, authorId: string): Promise<Date | null> {
    const last = await this.nodes.findOne({ ancestors: threadId, authorId: oid(authorId) }, { createdAt: 1 }).sort({ createdAt: -1 }).lean<Pick<NodeRecord, 'createdAt'>>().exec();
    return last?.createdAt ?? null;
  }

  /** A user's replies in public view: with their account's age, what makes them trusted. */
  countApprovedPosts(authorId: string): Promise<number> {
    return this.nodes.countDocuments({ authorId: oid(authorId), origin: 'user', status: 'visible', withdrawn: { $ne: true } }).exec();
  }

  /** The ids of a user's latest posts, newest first. */
  async findIdsByAuthor(authorId: string, limit: number): Promise<Types.ObjectId[]> {
    const docs = await this.nodes.find({ authorId: oid(authorId) }, { _id: 1 }).sort({ createdAt: -1 }).limit(limit).lean<{ _id: Types.ObjectId }[]>().exec();
    return docs.map((d) => d._id);
  }

  /** Sets the appeal state of the node's decision, only while that decision stands. */
  setAppeal(id: Types.ObjectId, decisionId: Types.ObjectId, appeal: AppealStatus): Promise<NodeRecord | null> {
    return this.nodes
      .findOneAndUpdate({ _id: id, 'moderation.decisionId': decisionId }, { $set: { 'moderation.appeal': appeal }, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean<NodeRecord>()
      .exec();
  }

  /** Updates a node's own fields; a change of `locked` is announced (see ModeratedFacts). The update must move `version`. */
  async update(id: string | Types.ObjectId, update: UpdateQuery<ArgumentNodeDoc>): Promise<NodeRecord | null> {
    const write = () => this.nodes.findByIdAndUpdate(id, update, { returnDocument: 'after' }).lean<NodeRecord>().exec();
    return update.$set && ('locked' in update.$set || 'slowModeSeconds' in update.$set) ? this.moderated.changing(write) : write();
  }

  /** Applies an update only when the node still has the given version: a lost race returns null. */
  updateIfVersion(id: Types.ObjectId, version: number, update: UpdateQuery<ArgumentNodeDoc>): Promise<NodeRecord | null> {
    return this.nodes.findOneAndUpdate({ _id: id, version }, update, { returnDocument: 'after' }).lean<NodeRecord>().exec();
  }

  /** Moves a node from one of the statuses `from` to `status`; null when it was in none of them (a lost race). */
  setStatus(id: Types.ObjectId, from: NodeStatus[], status: NodeStatus, extra: UpdateQuery<ArgumentNodeDoc>['$set'] = {}): Promise<NodeRecord | null> {
    return this.nodes.findOneAndUpdate({ _id: id, status: { $in: from } }, { $set: { status, ...extra }, $inc: { version: 1 } }, { returnDocument: 'after' }).lean<NodeRecord>().exec();
  }

  /** Whether the node or any ancestor is locked. */
  async isLockedPath(node: { locked: boolean; ancestors: readonly (string | Types.ObjectId)[] }, since?: FactsMark): Promise<boolean> {
    if (node.locked) return true;
    if (!node.ancestors?.length) return false;
    // Per ancestor, answered from the cache while no lock has changed: every reply and vote asks this of its path.
    const rules = await Promise.all(node.ancestors.map((id) => this.threadRules(id, since)));
    return rules.some((r) => r?.locked);
  }

  /**
   * What a moderator set on a node for the thread beneath it (its lock, its slow mode), from the cache
   * while no such change has been made: every reply and vote asks this of each node on its path.
   */
  private threadRules(id: string | Types.ObjectId, since?: FactsMark): Promise<Pick<NodeRecord, 'locked' | 'slowModeSeconds'> | null> {
    return this.moderated.get(`node-rules:${String(id)}`, () => this.nodes.findById(id, { locked: 1, slowModeSeconds: 1 }).lean<Pick<NodeRecord, 'locked' | 'slowModeSeconds'>>().exec(), since);
  }

  /** Stores a node's open-flag count, recounted from the flags by the caller. */
  setFlagCount(id: Types.ObjectId, flagCount: number): Promise<unknown> {
    return this.nodes.updateOne({ _id: id }, { $set: { flagCount } }).exec();
  }

  /**
   * A page of the review queue, oldest first so that nothing waits for ever: 'flagged' is public nodes
   * with open flags, the others are nodes in that status. The cursor is an offset.
   */
  findForReview(kind: 'flagged' | 'pending' | 'hidden', offset: number, limit: number): Promise<NodeRecord[]> {
    const filter: QueryFilter<ArgumentNodeDoc> = kind === 'flagged' ? { status: 'visible', flagCount: { $gt: 0 } } : { status: kind };
    return this.nodes
      .find(filter, LISTED)
      .sort({ createdAt: 1, _id: 1 })
      .skip(offset)
      .limit(limit + 1)
      .lean<NodeRecord[]>()
      .exec();
  }

  countByArticle(articleId: string): Promise<number> {
    return this.nodes.countDocuments({ articleId: oid(articleId) }).exec();
  }

  async deleteByArticle(articleId: Types.ObjectId): Promise<void> {
    await this.nodes.deleteMany({ articleId }).exec();
  }
}
