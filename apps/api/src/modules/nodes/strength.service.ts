import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DomainError, ERROR_CODES, nodeStrength, STRENGTH_PRIOR, type StrengthBreakdown, type VoteTotals } from '@agora/shared';
import { Types } from 'mongoose';
import { UNFINISHED_STALE_MS, UnfinishedWork } from '../../infra/database/unfinished-work';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import { ArticlesRepository } from '../articles/articles.repository';
import { LivePublisher } from '../live/live-publisher';
import type { VersionedStrength } from '../live/published-figures';
import { AncestorCarrier, type Carry, type PendingCarry } from './ancestor-carrier';
import { childEntry, replyCountsOf, setChild } from './children';
import type { ChildEntry, NodeRecord } from './node.model';
import { NodesRepository, type LockedNode } from './nodes.repository';

/** A node whose strength moved, with its figures' version (see PublishedFigures). */
export type StrengthChange = VersionedStrength;

const changeOf = (node: NodeRecord): StrengthChange => ({ nodeId: String(node._id), strength: node.strength, version: node.figuresVersion });

/** The longest a read waits for carried strengths (see settledForReaders); a round takes milliseconds. */
const READER_WAIT_MS = 1000;

/** The longest a shutdown waits for figures to be stored; what is not is recomputed at the next start (DerivedFiguresAudit). */
const SHUTDOWN_STORE_WAIT_MS = 10_000;

/** What a settled node carries to its parent, if anything. */
function carryOf(child: NodeRecord, thorough: boolean): Carry | null {
  const entry = childEntry(child);
  if (!entry || !child.parentId) return null;
  return { parentId: String(child.parentId), child: { id: String(child._id), entry, version: child.figuresVersion ?? 0 }, thorough };
}

/** What one settled node looks like afterwards, and whether its strength moved. */
export interface SettledNode {
  node: NodeRecord;
  changed: boolean;
}

/**
 * Keeps every node's stored strength equal to DF-QuAD over its votes and its public children, and its
 * reply counts equal to its public replies. Each node keeps its public children's entries (`children`)
 * so that a change is carried from a node to the root by primary key, one lock at a time, without
 * querying anyone's children: on FerretDB's SQLite backend any other query reads the whole collection.
 *
 * Work that touches several documents in a row is marked while it runs (UnfinishedWork); a successor
 * that finds a mark left behind recomputes from the children and votes themselves before going on.
 */
@Injectable()
export class StrengthService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Strength');
  /** Parents whose children, reply counts, strength path or article count are being changed. */
  private readonly unfinished: UnfinishedWork;
  /**
   * Without Redis: strengths are carried to ancestors after the request, gathered per parent (see
   * AncestorCarrier). With Redis, carryUp, holding the locks on the way.
   */
  private readonly carrier: AncestorCarrier | null;
  /** Without Redis: strengths moved during the carrier's round, by article, told to readers together at its end. */
  private readonly roundChanges = new Map<string, StrengthChange[]>();

  constructor(
    private readonly nodes: NodesRepository,
    private readonly articles: ArticlesRepository,
    private readonly live: LivePublisher,
    @Inject(REDIS) redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectConnection() connection: Connection,
  ) {
    this.unfinished = new UnfinishedWork(redis, `agora:unfinished:${connection.name}:children`);
    this.carrier = redis
      ? null
      : new AncestorCarrier(
          (pending) => this.settleCarried(pending),
          config.CARRY_LINGER_MS,
          (parentId, error) => {
            // Marked as work cut short: the next write on the parent, or a sweep, rebuilds it and above.
            this.logger.warn(`strengths carried to ${parentId} not settled, left for repair: ${(error as Error).message}`);
            void this.unfinished.begin(parentId);
          },
          () => this.publishRound(),
        );
  }

  /**
   * Resolves once the strengths carried by writes acknowledged before the call are settled up to the
   * root, so that a reader never sees ancestors older than a write it was told had happened; or after
   * READER_WAIT_MS, when the database is struggling (a settling waits out the driver's timeout during
   * an outage), so that a read is not held for that on top of its own. Settled figures not stored yet
   * are laid over what reads return (see NodesRepository.figures), so reads need not wait for them.
   */
  settledForReaders(): Promise<void> {
    return this.carrier?.settled(READER_WAIT_MS) ?? Promise.resolve();
  }

  onApplicationBootstrap(): void {
    this.unfinished.startSweeping(this.config.REPAIR_SWEEP_MS, UNFINISHED_STALE_MS, (id) => this.repairIfUnfinished(id), this.logger);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.carrier?.settled();
    await Promise.all([this.nodes.storeFigures(SHUTDOWN_STORE_WAIT_MS), this.articles.storeCounts(SHUTDOWN_STORE_WAIT_MS)]);
  }

  onApplicationShutdown(): void {
    this.unfinished.stopSweeping();
  }

  /**
   * Adds a reader's published reply beneath `parent`: `insert` stores it, counted in its article,
   * while the parent's lock is held; then the parent's children, reply counts and strength and the
   * strengths above it follow. Returns the stored reply and the strengths that moved.
   */
  addReply(parent: NodeRecord, insert: () => Promise<NodeRecord>): Promise<{ node: NodeRecord; changes: StrengthChange[] }> {
    const parentId = String(parent._id);
    return this.nodes.exclusive(parent._id, async (locked) => {
      // The mark goes first: a reply stored without it could be missing from its parent for good.
      const leftover = await this.unfinished.begin(parentId);
      const [node, stored] = await Promise.all([this.articles.addReply(parent.articleId, insert), locked.read()]);
      const settled = await this.settle(locked, { child: { id: String(node._id), entry: childEntry(node) }, rebuild: leftover }, stored);
      const [changes] = await Promise.all([
        settled ? this.afterSettled(settled, leftover) : Promise.resolve([]),
        leftover ? this.recountArticleReplies(parent.articleId) : Promise.resolve(),
      ]);
      await this.unfinished.end(parentId);
      return { node, changes };
    });
  }

  /**
   * After a child of `parentId` entered or left public view (moderation, withdrawal of a flag...):
   * recomputes the parent from its children as stored, everything above it, and the article's count.
   */
  async childrenChanged(parentId: Types.ObjectId, articleId: Types.ObjectId, only: 'always' | 'if-unfinished' = 'always'): Promise<StrengthChange[]> {
    return this.nodes.exclusive(parentId, (locked) =>
      this.unfinished.repair(
        String(parentId),
        only,
        async () => {
          const settled = await this.settle(locked, { rebuild: true });
          const moved = settled ? await this.afterSettled(settled, true) : [];
          await this.recountArticleReplies(articleId);
          return moved;
        },
        [],
      ),
    );
  }

  /**
   * Marks a parent before one of its children enters or leaves public view (moderation): if the
   * process dies between the child's change and the parent's recomputation (childrenChanged, which
   * clears the mark), a sweep finds the mark and recomputes. If the change does not happen, the mark
   * is left for the sweep too, since another change of the same parent may be counting on it.
   */
  async expectChildrenChange(parentId: Types.ObjectId): Promise<void> {
    await this.nodes.exclusive(parentId, async () => {
      await this.unfinished.begin(String(parentId));
    });
  }

  /** Recomputes a parent as childrenChanged does, and tells readers of the strengths that moved. */
  async repairChildren(parentId: Types.ObjectId, articleId: Types.ObjectId, only: 'always' | 'if-unfinished' = 'always'): Promise<void> {
    await this.publishChanges(articleId, await this.childrenChanged(parentId, articleId, only));
  }

  /**
   * Tells readers that these strengths moved (unless they already have newer ones). Without Redis,
   * while the carrier has a round under way or due, they go out with that round's in one event: a
   * reply moved its parent and, a round later, the root, and each was an event of its own to store.
   */
  async publishChanges(articleId: Types.ObjectId | string, changes: readonly StrengthChange[]): Promise<void> {
    if (!changes.length) return;
    if (this.carrier?.busy) return this.publishWithRound(String(articleId), changes);
    await this.live.strengthChanged(String(articleId), [...changes]);
  }

  private publishWithRound(articleId: string, changes: readonly StrengthChange[]): void {
    const gathered = this.roundChanges.get(articleId);
    if (gathered) gathered.push(...changes);
    else this.roundChanges.set(articleId, [...changes]);
  }

  private publishRound(): void {
    const rounds = [...this.roundChanges];
    this.roundChanges.clear();
    for (const [articleId, changes] of rounds) void this.live.strengthChanged(articleId, changes);
  }

  /**
   * Under the node's lock: its children (with one entry changed, or rebuilt from the children as
   * stored), its reply counts and its strength from its votes (`votes` may say what they become).
   * Null when the node is gone. `read` is the node as read under this same lock, if the caller has it.
   */
  async settle(
    locked: LockedNode,
    change: {
      child?: { id: string; entry: ChildEntry | null };
      /** Entries that replace those the node holds (never added: see AncestorCarrier). */
      replace?: ReadonlyMap<string, { entry: ChildEntry }>;
      votes?: (stored: VoteTotals) => VoteTotals;
      rebuild?: boolean;
    },
    read?: NodeRecord | null,
  ): Promise<SettledNode | null> {
    const node = read === undefined ? await locked.read() : read;
    if (!node) return null;
    // Changed in place (see setChild): from here to locked.set nothing may wait, so no one sees the
    // map changed but the figures drawn from it not yet set.
    const children = change.rebuild || !node.children ? await this.nodes.findPublicChildren(node._id) : node.children;
    if (change.child) setChild(children, change.child.id, change.child.entry);
    for (const [id, { entry }] of change.replace ?? []) if (children.has(id)) setChild(children, id, entry);
    const votes = change.votes ? change.votes(node.votes as VoteTotals) : (node.votes as VoteTotals);
    const strength = nodeStrength(votes, [...children.values()]).strength;
    const replyCounts = replyCountsOf(children);
    const figuresVersion = (node.figuresVersion ?? 0) + 1;
    await locked.set({ children, strength, replyCounts, figuresVersion, ...(change.votes ? { votes } : {}) });
    return { node: { ...node, votes, children, strength, replyCounts, figuresVersion }, changed: strength !== node.strength };
  }

  /**
   * The node's own change if its strength moved, then the change carried up (all the way when
   * `thorough`). Without Redis the carrying happens after the request (see AncestorCarrier), which
   * tells readers of the strengths it moves, and only the node's own change is returned.
   */
  async afterSettled(settled: SettledNode, thorough: boolean): Promise<StrengthChange[]> {
    const own = settled.changed ? [changeOf(settled.node)] : [];
    if (!settled.changed && !thorough) return own;
    if (!this.carrier) return [...own, ...(await this.carryUp(settled.node, thorough))];
    const carry = carryOf(settled.node, thorough);
    if (carry) this.carrier.carry(carry);
    return own;
  }

  /** One parent's settling for the AncestorCarrier: what was carried to it, then what it carries up. */
  private async settleCarried(pending: PendingCarry): Promise<Carry[]> {
    const settled = await this.nodes.exclusive(new Types.ObjectId(pending.parentId), async (locked) => {
      const settled = await this.settle(locked, { replace: pending.entries });
      const carry = settled && (settled.changed || pending.thorough) ? carryOf(settled.node, pending.thorough) : null;
      return settled && { settled, carry };
    });
    if (!settled) return [];
    if (settled.settled.changed) this.publishWithRound(String(settled.settled.node.articleId), [changeOf(settled.settled.node)]);
    return settled.carry ? [settled.carry] : [];
  }

  /**
   * Writes `child`'s entry into its parent and settles the parent, then the grandparent, and so on.
   * Stops where a strength did not move (nothing above can change), unless `thorough`: a repair goes
   * to the root, because interrupted work may have left any level behind.
   *
   * Each node's lock is kept until everything above it is settled (locks go child → ancestor, so this
   * cannot deadlock). Releasing it earlier let a later change of the node reach the grandparent first
   * and then be overwritten there by this older one: across instances, lock leases are not served in
   * the order they were asked for.
   */
  private carryUp(child: NodeRecord, thorough: boolean): Promise<StrengthChange[]> {
    const carry = carryOf(child, thorough);
    if (!carry) return Promise.resolve([]);
    return this.nodes.exclusive(new Types.ObjectId(carry.parentId), async (locked) => {
      const settled = await this.settle(locked, { child: carry.child });
      if (!settled) return [];
      const own = settled.changed ? [changeOf(settled.node)] : [];
      if (!settled.changed && !thorough) return own;
      return [...own, ...(await this.carryUp(settled.node, thorough))];
    });
  }

  /** A sweep found a mark left long ago: if it is still there once the lock is ours, repair. */
  private async repairIfUnfinished(parentId: string): Promise<void> {
    const node = await this.nodes.findById(parentId);
    if (!node) return this.unfinished.end(parentId);
    await this.repairChildren(node._id, node.articleId, 'if-unfinished');
  }

  async recountArticleReplies(articleId: Types.ObjectId | string): Promise<void> {
    await this.articles.recountReplies(articleId, () => this.nodes.countPublicArticleReplies(articleId));
  }

  /** The figures behind a node's strength, for a reader to follow. */
  async breakdown(node: NodeRecord): Promise<StrengthBreakdown> {
    if (!node) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    const children = [...(node.children ?? (await this.nodes.findPublicChildren(node._id))).entries()];
    const result = nodeStrength(node.votes, children.map(([, c]) => c));
    const votes = node.votes as VoteTotals;
    const avg = votes.count ? (votes.sum / votes.count).toFixed(2) : 'none';
    return {
      nodeId: String(node._id),
      strength: result.strength,
      base: result.base,
      votes,
      prior: { ...STRENGTH_PRIOR },
      supportAggregate: result.supportAggregate,
      attackAggregate: result.attackAggregate,
      children: children.map(([id, c]) => ({
        nodeId: id,
        type: c.type,
        role: c.type === 'rebuttal' ? 'attacker' : 'supporter',
        strength: c.strength,
      })),
      explanation:
        `Base ${result.base.toFixed(3)} from ${votes.count} vote(s) (average ${avg}) pulled toward a prior of ` +
        `${STRENGTH_PRIOR.mean}/5 worth ${STRENGTH_PRIOR.weight} votes; supporters combine to ${result.supportAggregate.toFixed(3)}, ` +
        `attackers to ${result.attackAggregate.toFixed(3)}; DF-QuAD moves the base ` +
        (result.attackAggregate >= result.supportAggregate ? 'down' : 'up') +
        ` by the difference, giving ${result.strength.toFixed(3)}.` +
        (children.some(([, c]) => c.origin === 'article') ? " The article's own sentences of each role count together as one argument, their mean." : ''),
    };
  }
}
