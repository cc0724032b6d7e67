import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ChildrenQuery, NodeStatus } from '@agora/shared';
import { Types, type Model, type FilterQuery, type UpdateQuery } from 'mongoose';
import { InjectModeratedFacts } from '../../infra/cache/moderated-facts.module';
import type { ModeratedFacts } from '../../infra/cache/moderated-facts';
import { DocumentLock } from '../../infra/database/document-lock';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import { retryTransient } from '../../infra/database/transient-retry';
import { WriteBehind } from '../../infra/database/write-behind';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { childrenMap, packChildren, unpackChildren } from './children';
import { NodeSnapshots } from './node-snapshots';
import { comparing } from './sort-order';
import { ArgumentNodeDoc, type Children, type NodeRecord } from './node.model';
import type { AuditedNode } from './stale-figures';

const oid = (id: string | Types.ObjectId): Types.ObjectId => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/** The node with `figures` laid over it: those of its fields it has, or all when `whole`. */
function layFigures<T extends object>(doc: T, figures: Partial<NodeRecord> | undefined, whole: boolean): T {
  if (!figures) return doc;
  const laid: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  for (const [key, value] of Object.entries(figures)) if (whole || key in doc) laid[key] = value;
  return laid as T;
}

/** Which non-public nodes a listing may include besides the visible ones. */
export interface ListingScope {
  /** Moderators see every status. */
  everything: boolean;
  /** Authors see their own pending and hidden nodes. */
  authorId: string | null;
}

/** A node as the database holds it: its children map packed (see packChildren). */
type StoredNode = Omit<NodeRecord, 'children'> & { children?: unknown };

/** A node as read, its children map unpacked. */
function fromStored<T extends { children?: unknown }>(doc: T): Omit<T, 'children'> & { children?: Children };
function fromStored<T extends { children?: unknown }>(doc: T | null): (Omit<T, 'children'> & { children?: Children }) | null;
function fromStored<T extends { children?: unknown }>(doc: T | null) {
  return doc && doc.children !== undefined ? { ...doc, children: unpackChildren(doc.children) } : doc;
}

const toStored = <T extends Partial<NodeRecord>>(node: T) => (node.children ? { ...node, children: packChildren(node.children) } : node);

/** What an article's page shows of each paragraph's claim. */
type ClaimFigures = Pick<NodeRecord, '_id' | 'paragraphIndex' | 'replyCounts' | 'strength'>;
const CLAIM_FIGURES = { paragraphIndex: 1, replyCounts: 1, strength: 1 } as const;

/** Listings leave out what only the server needs. */
const LISTED = { history: 0, children: 0 } as const;

/** A node's derived figures: what LockedNode.set writes. */
export type NodeFigures = Partial<Pick<NodeRecord, 'votes' | 'strength' | 'replyCounts' | 'children' | 'figuresVersion'>>;

/** The node as seen by whoever holds its write lock, and the only way to update it meanwhile. */
export interface LockedNode {
  read(): Promise<NodeRecord | null>;
  set(fields: NodeFigures): Promise<void>;
}

/** Nodes a single instance remembers as it last wrote them (see NodeSnapshots): every claim and root, and the busiest replies. */
const SNAPSHOT_CAPACITY = 5000;

const CHILD_SORT: Record<ChildrenQuery['sort'], Record<string, 1 | -1>> = {
  strength: { pinned: -1, strength: -1, createdAt: -1, _id: -1 },
  new: { pinned: -1, createdAt: -1, _id: -1 },
  votes: { pinned: -1, 'votes.count': -1, createdAt: -1, _id: -1 },
};

@Injectable()
export class NodesRepository {
  /** Updates of one node go one at a time, across instances when Redis is configured (see DocumentLock). */
  private readonly writes: DocumentLock;
  /** Without Redis this process is the only writer, so what it last wrote under a lock is what is stored. */
  private readonly snapshots: NodeSnapshots | null;
  /**
   * Without Redis: figures set under a node's lock are stored after the request, once per round for
   * every set made meanwhile (see WriteBehind), and laid over every read until then (`reading`).
   */
  private readonly figures: WriteBehind<NodeFigures> | null;
  private readonly logger = new Logger('Nodes');

  constructor(
    @InjectModel(ArgumentNodeDoc.name) private readonly nodes: Model<ArgumentNodeDoc>,
    @Inject(REDIS) redis: RedisClient,
    @InjectModeratedFacts() private readonly moderated: ModeratedFacts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.writes = new DocumentLock(redis, 'agora:lock:node');
    this.snapshots = redis ? null : new NodeSnapshots(SNAPSHOT_CAPACITY);
    this.figures = redis
      ? null
      : new WriteBehind<NodeFigures>(
          {
            lock: (key, task) => this.writes.run(key, task),
            write: (key, fields) => this.writeFigures(new Types.ObjectId(key), fields),
          },
          config.FIGURES_LINGER_MS,
          (keys, error) => this.logger.warn(`figures of ${keys.length} node(s) not stored yet, to be tried again: ${(error as Error).message}`),
        );
  }

  /** Stores every figure set so far without waiting out the linger (at most `maxWaitMs`): before shutting down. */
  storeFigures(maxWaitMs?: number): Promise<void> {
    return this.figures?.flush(maxWaitMs) ?? Promise.resolve();
  }

  /**
   * Runs a read of nodes and lays over each node the figures not stored yet (see WriteBehind.read):
   * the fields it has (a projection leaves some out), or all of them when `whole`.
   */
  private reading<T extends { _id: Types.ObjectId }>(query: () => Promise<T[]>, whole = false): Promise<T[]> {
    return this.figures ? this.figures.readEach(query, (doc, figures) => layFigures(doc, figures, whole)) : query();
  }

  private readingOne<T extends { _id: Types.ObjectId }>(query: () => Promise<T | null>, whole = false): Promise<T | null> {
    return this.figures ? this.figures.readOne(query, (doc, figures) => layFigures(doc, figures, whole)) : query();
  }

  /**
   * A node's update under its lock, returning it as updated with its figures not stored yet: laid
   * over while the lock is held, when no round can store them (and drop them) meanwhile.
   */
  private writeReturning(id: string | Types.ObjectId, update: () => Promise<StoredNode | null>): Promise<NodeRecord | null> {
    return this.write(id, async () => {
      const node = fromStored(await update());
      return node && layFigures(node, this.figures?.get(String(node._id)), true);
    });
  }

  /**
   * One update of the node under its lock (see DocumentLock), for writes other than LockedNode.set:
   * the snapshot is forgotten, so the next holder reads what this update stored.
   */
  private write<T>(id: string | Types.ObjectId, update: () => Promise<T>): Promise<T> {
    const key = String(id);
    return this.writes.write(key, async () => {
      this.snapshots?.forget(key);
      return update();
    });
  }

  async findById(id: string | Types.ObjectId): Promise<NodeRecord | null> {
    return this.readingOne(async () => fromStored(await this.nodes.findById(id).lean<StoredNode>().exec()), true);
  }

  /**
   * The node as stored, from the snapshot its last lock holder left when there is one (see
   * NodeSnapshots): for writes that start from a node without holding its lock, such as a reply to a
   * paragraph's claim. The node given is frozen.
   */
  async findCurrent(id: string | Types.ObjectId): Promise<NodeRecord | null> {
    return this.snapshots?.get(String(id)) ?? this.findById(id);
  }

  async findByIds(ids: (string | Types.ObjectId)[]): Promise<NodeRecord[]> {
    return this.reading(async () => (await this.nodes.find({ _id: { $in: ids.map(oid) } }).lean<StoredNode[]>().exec()).map((n) => fromStored(n)), true);
  }

  private scopeFilter(base: FilterQuery<ArgumentNodeDoc>, scope: ListingScope): FilterQuery<ArgumentNodeDoc> {
    if (scope.everything) return base;
    if (scope.authorId) return { ...base, $or: [{ status: 'visible' }, { authorId: oid(scope.authorId), status: { $in: ['pending', 'hidden'] } }] };
    return { ...base, status: 'visible' };
  }

  /** Every node of an article the scope allows, flat; one indexed query for anonymous readers. */
  findTree(articleId: string, scope: ListingScope): Promise<NodeRecord[]> {
    return this.reading(() => this.nodes.find(this.scopeFilter({ articleId: oid(articleId) }, scope), LISTED).lean<NodeRecord[]>().exec());
  }

  /**
   * A page of children, sorted and cut by the database on the figures as stored, then sorted again on
   * the figures laid over them: a figure not stored yet (at most a round old) can leave a child on the
   * page next to the one it belongs on, never out of order within its page, nor on two pages or none.
   */
  async findChildren(parentId: string, query: ChildrenQuery, scope: ListingScope): Promise<NodeRecord[]> {
    const offset = query.cursor ? Number(query.cursor) : 0;
    const nodes = await this.reading(() =>
      this.nodes
        .find(this.scopeFilter({ parentId: oid(parentId) }, scope), LISTED)
        .sort(CHILD_SORT[query.sort])
        .skip(offset)
        .limit(query.limit + 1)
        .lean<NodeRecord[]>()
        .exec(),
    );
    if (!this.figures) return nodes;
    // The page as the database cut it (the one past it only says that more follow), ordered afresh.
    return [...nodes.slice(0, query.limit).sort(comparing(CHILD_SORT[query.sort])), ...nodes.slice(query.limit)];
  }

  /** Publicly visible children, which are all that count toward a node's strength, read from the children themselves. */
  async findPublicChildren(parentId: Types.ObjectId | string): Promise<Children> {
    const children = await this.reading(() =>
      this.nodes
        .find({ parentId: oid(parentId), status: 'visible' }, { type: 1, strength: 1, origin: 1 })
        .lean<Pick<NodeRecord, '_id' | 'type' | 'strength' | 'origin'>[]>()
        .exec(),
    );
    return childrenMap(children);
  }

  async findParagraphClaim(articleId: string, paragraphIndex: number): Promise<NodeRecord | null> {
    return this.readingOne(async () => fromStored(await this.nodes.findOne({ articleId: oid(articleId), paragraphIndex, type: 'claim', origin: 'article' }).lean<StoredNode>().exec()), true);
  }

  /**
   * Paragraph claims' figures by id, one primary-key lookup each: FerretDB answers any other filter by
   * reading the whole collection, which made an article's page as slow to open as its whole tree.
   */
  async findClaimsByIds(ids: readonly string[]): Promise<ClaimFigures[]> {
    return this.reading(async () => (await Promise.all(ids.map((id) => this.nodes.findById(id, CLAIM_FIGURES).lean<ClaimFigures>().exec()))).filter((claim) => claim !== null));
  }

  /** Every paragraph claim of an article, by query (for articles whose paragraphs do not name their claims). */
  findClaims(articleId: string): Promise<ClaimFigures[]> {
    return this.reading(() => this.nodes.find({ articleId: oid(articleId), type: 'claim', origin: 'article' }, CLAIM_FIGURES).lean<ClaimFigures[]>().exec());
  }

  /** Stores a node built whole by newNode (every field set), through the driver's own call: a reply's hot path. */
  async insert(node: NodeRecord): Promise<NodeRecord> {
    await this.nodes.collection.insertOne(toStored(node));
    return node;
  }

  async insertMany(nodes: NodeRecord[]): Promise<void> {
    await this.nodes.insertMany(nodes.map(toStored), { ordered: true });
  }

  countPublicArticleReplies(articleId: Types.ObjectId | string): Promise<number> {
    return this.nodes.countDocuments({ articleId: oid(articleId), origin: 'user', status: 'visible' }).exec();
  }

  /** What the start-up audit compares, for every node. */
  async findAllForAudit(): Promise<AuditedNode[]> {
    const fields = { parentId: 1, articleId: 1, status: 1, type: 1, origin: 1, strength: 1, votes: 1, replyCounts: 1, children: 1 };
    return this.reading(async () => (await this.nodes.find({}, fields).lean<(Omit<AuditedNode, 'children'> & { children?: unknown })[]>().exec()).map((n) => fromStored(n)), true);
  }

  countUserPosts(authorId: string): Promise<number> {
    return this.nodes.countDocuments({ authorId: oid(authorId), origin: 'user' }).exec();
  }

  /**
   * Runs `task` holding the node's write lock (see DocumentLock), for work that reads the node and
   * then writes figures derived from what it read. The lock is not re-entrant: inside `task` the node
   * is read and written only through the LockedNode given; locks of ancestors may be taken, never of
   * descendants, so that two such tasks cannot wait for each other.
   */
  exclusive<T>(id: Types.ObjectId, task: (node: LockedNode) => Promise<T>): Promise<T> {
    const key = String(id);
    const snapshots = this.snapshots;
    return this.writes.run(key, () =>
      task({
        read: async () => {
          const known = snapshots?.get(key);
          if (known) return known;
          const node = await this.findById(id);
          if (node) snapshots?.set(key, node);
          return node;
        },
        set: async (fields) => {
          if (this.figures) {
            // Stored at the figures' next round; read from memory until then (see `reading`).
            this.figures.set(key, (pending) => ({ ...pending, ...fields }));
            const before = snapshots?.get(key);
            if (before) snapshots!.set(key, { ...before, ...fields });
            return;
          }
          await this.writeFigures(id, fields);
        },
      }),
    );
  }

  /**
   * Stores a node's figures, through the driver's own call: they are computed values, and mongoose's
   * casting of the update was a good part of a vote's CPU in the API (see README, Benchmarks).
   */
  private async writeFigures(id: Types.ObjectId, fields: NodeFigures): Promise<void> {
    await retryTransient(() => this.nodes.collection.updateOne({ _id: id }, { $set: toStored(fields) }));
  }

  /** Updates fields other than `children` (which goes through LockedNode.set); a change of `locked` is announced (see ModeratedFacts). */
  async update(id: string | Types.ObjectId, update: UpdateQuery<ArgumentNodeDoc>): Promise<NodeRecord | null> {
    const write = () => this.writeReturning(id, () => this.nodes.findByIdAndUpdate(id, update, { new: true }).lean<StoredNode>().exec());
    return update.$set && 'locked' in update.$set ? this.moderated.changing(write) : write();
  }

  /** Applies an update only when the node still has the given version: a lost race returns null. */
  async updateIfVersion(id: Types.ObjectId, version: number, update: UpdateQuery<ArgumentNodeDoc>): Promise<NodeRecord | null> {
    return this.writeReturning(id, () => this.nodes.findOneAndUpdate({ _id: id, version }, update, { new: true }).lean<StoredNode>().exec());
  }

  async setStatus(id: Types.ObjectId, from: NodeStatus[], status: NodeStatus, extra: UpdateQuery<ArgumentNodeDoc>['$set'] = {}): Promise<NodeRecord | null> {
    return this.writeReturning(id, () => this.nodes.findOneAndUpdate({ _id: id, status: { $in: from } }, { $set: { status, ...extra }, $inc: { version: 1 } }, { new: true }).lean<StoredNode>().exec());
  }

  /** Whether the node or any ancestor is locked. */
  async isLockedPath(node: NodeRecord): Promise<boolean> {
    if (node.locked) return true;
    if (!node.ancestors?.length) return false;
    // One primary-key lookup per ancestor (FerretDB serves those from its index, an $in by scanning),
    // answered from the cache while no lock has changed: every reply and vote asks this of its path.
    const locked = await Promise.all(
      node.ancestors.map((id) =>
        this.moderated.get(`node-locked:${String(id)}`, async () => (await this.nodes.findById(id, { locked: 1 }).lean<Pick<NodeRecord, 'locked'>>().exec())?.locked),
      ),
    );
    return locked.some(Boolean);
  }

  /** Stores a node's open-flag count, recounted from the flags by the caller. */
  setFlagCount(id: Types.ObjectId, flagCount: number): Promise<unknown> {
    return this.write(id, () => this.nodes.updateOne({ _id: id }, { $set: { flagCount } }).exec());
  }

  /**
   * A page of the review queue, oldest first so that nothing waits for ever: 'flagged' is public nodes
   * with open flags, the others are nodes in that status. The cursor is an offset.
   */
  async findForReview(kind: 'flagged' | 'pending' | 'hidden', offset: number, limit: number): Promise<NodeRecord[]> {
    const filter: FilterQuery<ArgumentNodeDoc> = kind === 'flagged' ? { status: 'visible', flagCount: { $gt: 0 } } : { status: kind };
    return this.reading(() =>
      this.nodes
        .find(filter, LISTED)
        .sort({ createdAt: 1, _id: 1 })
        .skip(offset)
        .limit(limit + 1)
        .lean<NodeRecord[]>()
        .exec(),
    );
  }

  countByArticle(articleId: string): Promise<number> {
    return this.nodes.countDocuments({ articleId: oid(articleId) }).exec();
  }

  async deleteByArticle(articleId: Types.ObjectId): Promise<void> {
    // Before and after: a lock holder may read a node while the deletion runs.
    this.snapshots?.clear();
    await this.nodes.deleteMany({ articleId }).exec();
    this.snapshots?.clear();
  }
}
