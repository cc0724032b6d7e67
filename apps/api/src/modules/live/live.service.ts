import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import type { ArgumentNode, ArticleSummary, LivePayloads, Notification, Reader, StoredLiveEvent } from '@agora/shared';
import type { Namespace } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WriteBatch } from '../../infra/database/write-batch';
import type { ArticleTree } from '../article-tree/article-tree';
import { ArticleTrees } from '../article-tree/article-trees';
import { ArticleCountersRepository, type CounterMove } from '../articles/article-counters.repository';
import { Metrics } from '../metrics/metrics';
import { NodesRepository } from '../nodes/nodes.repository';
import { nodeIdOf, withCurrentText, withoutText, type CurrentText } from './event-text';
import { LiveDelivery } from './live-delivery';
import { articleRoom, userRoom } from './live-rooms';
import { LiveLogRepository } from './live-log.repository';
import { RecentEvents } from './recent-events';
import { LivePublisher, type VoteFigures } from './live-publisher';

/** The server-side event other instances receive through the Redis adapter. */
export const CROSS_INSTANCE_EVENT = 'agora:live-event';

/**
 * How long delivered events gather before they are stored in the replay log together: one page write
 * per article and instance per window. Replays come from memory first (RecentEvents), so a reader
 * rarely needs a page this young.
 */
const LOG_LINGER_MS = 100;

type Sequenced = StoredLiveEvent['name'];
type Body<K extends Sequenced> = Omit<LivePayloads[K], 'seq' | 'articleId'>;

/** The event under its article and seq, as delivered and stored. */
const sequenced = <K extends Sequenced>(name: K, body: Body<K>, articleId: string, seq: number): StoredLiveEvent =>
  ({ name, payload: { ...body, articleId, seq } }) as unknown as StoredLiveEvent;

@Injectable()
export class LiveService extends LivePublisher implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger('Live');
  private namespace: Namespace | undefined;
  readonly delivery: LiveDelivery;
  /** What this instance delivered lately, for replays (see RecentEvents). */
  private readonly recent: RecentEvents;
  /** By article: the newest totals of each node voted on in the current window (see voteChanged). */
  private readonly pendingVotes = new Map<string, { timer: NodeJS.Timeout; byNode: Map<string, VoteFigures> }>();
  /**
   * Events delivered here, stored in the replay log a moment later with the others of that moment (one
   * page per article): the log serves reconnecting readers and gaps, and a reader back before its page
   * is stored is told to reload, so nothing waits for it.
   */
  private readonly unlogged: WriteBatch<StoredLiveEvent>;
  private readonly listeners: ((event: StoredLiveEvent) => void)[] = [];

  constructor(
    readonly log: LiveLogRepository,
    private readonly counters: ArticleCountersRepository,
    private readonly trees: ArticleTrees,
    private readonly nodes: NodesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    super();
    this.unlogged = new WriteBatch((events) => this.store(events), LOG_LINGER_MS, (error, count) =>
      this.logger.warn(`${count} live event(s) not stored for replay: ${(error as Error).message}`),
    );
    this.recent = new RecentEvents(Math.min(this.config.LIVE_EVENT_RETENTION, this.config.LIVE_REPLAY_MEMORY));
    this.delivery = new LiveDelivery(
      () => this.namespace,
      // A gap read from the log carries public text only: the events go to the tree and to every socket.
      async (articleId, from, to) => this.withCurrentText(await this.log.range(articleId, from, to), null),
      (event) => this.prepare(event),
      // An event never came (its publisher died before publishing it): what it said is only in the
      // database now, so the article's tree is read afresh.
      (articleId) => this.trees.forget(articleId),
      (event) => {
        this.trees.apply(event);
        this.tell(event);
      },
      (event, sockets, publishedAt) => {
        if (sockets > 0) this.metrics.liveDelivered.inc({ event: event.name }, sockets);
        if (publishedAt !== undefined) this.metrics.liveLag.observe(Math.max(0, Date.now() - publishedAt) / 1000);
      },
    );
  }

  /** `listener` is given every event this instance receives, once, in each article's seq order (late ones too): for read models. */
  onEvent(listener: (event: StoredLiveEvent) => void): void {
    this.listeners.push(listener);
  }

  private tell(event: StoredLiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  attach(namespace: Namespace): void {
    this.namespace = namespace;
    // Events published by other instances arrive here through the Redis adapter, several to a message,
    // with when they were published; one alone is what an instance of an earlier version sends.
    namespace.on(CROSS_INSTANCE_EVENT, (events: StoredLiveEvent[] | StoredLiveEvent, publishedAt?: number) => {
      for (const event of Array.isArray(events) ? events : [events]) this.delivery.receive(event, typeof publishedAt === 'number' ? publishedAt : undefined);
    });
    this.metrics.watch({ live: () => this.counts(namespace) });
  }

  reserveSeq(articleId: string, move?: CounterMove): Promise<number> {
    return this.counters.nextSeq(articleId, 1, move);
  }

  nodeCreated(articleId: string, node: ArgumentNode, seq?: number): Promise<void> {
    return this.publish(articleId, 'node:created', { node }, seq);
  }

  nodeUpdated(articleId: string, node: ArgumentNode, move?: CounterMove): Promise<void> {
    return this.publish(articleId, 'node:updated', { node }, undefined, move);
  }

  articleUpdated(articleId: string, article: ArticleSummary): Promise<void> {
    return this.publish(articleId, 'article:updated', { article });
  }

  articleRevised(articleId: string, revision: number, revisedAt: Date): Promise<void> {
    return this.publish(articleId, 'article:revised', { revision, revisedAt: revisedAt.toISOString() });
  }

  toUser(userId: string, notification: Notification): void {
    this.namespace?.to(userRoom(userId)).emit('notification:created', notification);
  }

  /**
   * Votes in one article within LIVE_COALESCE_MS go out together at the window's end: one
   * vote:changed per node with its newest totals, numbered by one move of the article's counter.
   */
  voteChanged(articleId: string, nodeId: string, figures: VoteFigures): void {
    let pending = this.pendingVotes.get(articleId);
    if (!pending) {
      const timer = setTimeout(() => void this.publishVotes(articleId), this.config.LIVE_COALESCE_MS);
      this.pendingVotes.set(articleId, (pending = { timer, byNode: new Map() }));
    }
    const held = pending.byNode.get(nodeId);
    if (!held || figures.votesVersion > held.votesVersion) pending.byNode.set(nodeId, figures);
  }

  private async publishVotes(articleId: string): Promise<void> {
    const pending = this.pendingVotes.get(articleId);
    this.pendingVotes.delete(articleId);
    if (!pending) return;
    const votes = [...pending.byNode];
    try {
      const last = await this.counters.nextSeq(articleId, votes.length);
      this.send(votes.map(([nodeId, { votes: totals, votesVersion, strength, rated }], i) => sequenced('vote:changed', { nodeId, votes: totals, votesVersion, strength, rated }, articleId, last - votes.length + 1 + i)));
    } catch (error) {
      this.logger.warn(`vote:changed for article ${articleId} not published: ${(error as Error).message}`);
    }
  }

  /**
   * Numbers the event from the article's counter (unless `seq` was reserved for it), delivers it here
   * and to every other instance, and has it stored for replay. Each instance delivers in seq order (see
   * LiveDelivery). A failure to publish never fails the write that caused it.
   */
  private async publish<K extends Sequenced>(articleId: string, name: K, body: Body<K>, seq?: number, move?: CounterMove): Promise<void> {
    try {
      this.send([sequenced(name, body, articleId, seq ?? (await this.counters.nextSeq(articleId, 1, move)))]);
    } catch (error) {
      this.logger.warn(`${name} for article ${articleId} not published: ${(error as Error).message}`);
    }
  }

  /**
   * Delivers numbered events here and to every other instance, in one message however many (a window's
   * votes: each message costs every instance a wake-up), and has them stored for replay.
   */
  private send(events: StoredLiveEvent[]): void {
    const publishedAt = Date.now();
    for (const event of events) {
      this.metrics.livePublished.inc({ event: event.name });
      this.delivery.receive(event, publishedAt);
    }
    // Without Redis there is no other instance to tell (and the in-memory adapter refuses serverSideEmit).
    if (this.config.REDIS_URL) this.namespace?.serverSideEmit(CROSS_INSTANCE_EVENT, events, publishedAt);
    for (const event of events) this.unlogged.add(withoutText(event));
  }

  /** Stores a batch of events, a page per article, and prunes what falls out of retention. */
  private async store(events: StoredLiveEvent[]): Promise<void> {
    const byArticle = new Map<string, StoredLiveEvent[]>();
    for (const event of events) {
      const page = byArticle.get(event.payload.articleId);
      if (page) page.push(event);
      else byArticle.set(event.payload.articleId, [event]);
    }
    // Pruned half-way through each retention window, so at most 150% is ever kept.
    const every = Math.max(1, Math.ceil(this.config.LIVE_EVENT_RETENTION / 2));
    for (const [articleId, page] of byArticle) {
      page.sort((a, b) => a.payload.seq - b.payload.seq);
      await this.log.append(articleId, page);
      const last = page[page.length - 1].payload.seq;
      if (Math.floor(last / every) > Math.floor((page[0].payload.seq - 1) / every)) await this.log.prune(articleId, last, this.config.LIVE_EVENT_RETENTION);
    }
  }

  /** Events delivered but not yet stored for replay are written before the database connection closes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.unlogged.flush();
  }

  /**
   * An event about to reach this instance's sockets, in seq order: applied to the article's tree, and
   * given the strengths that follow from it as this tree computes them (the same on every instance,
   * as every instance applies the same events in the same order).
   */
  private prepare(event: StoredLiveEvent): StoredLiveEvent {
    this.trees.apply(event);
    this.tell(event);
    const tree = this.trees.loaded(event.payload.articleId);
    // Readers are here and the tree is not (dropped after a lost event): read it, so that the events
    // after this one carry strengths again.
    if (!tree && this.namespace?.adapter.rooms.get(articleRoom(event.payload.articleId))?.size) void this.trees.tree(event.payload.articleId).catch(() => undefined);
    const out = tree ? withFigures(tree, event) : event;
    this.recent.add(withoutText(out));
    return out;
  }

  /** The article's latest seq, as its counter says. */
  async currentSeq(articleId: string): Promise<number> {
    return (await this.counters.find(articleId))?.seq ?? 0;
  }

  /**
   * Where a reader reconnecting with `since` picks up. This instance delivers every event after the seq
   * it has delivered up to, so a reader not ahead of that needs no question to the database.
   */
  async resumeSeq(articleId: string, since: number): Promise<number> {
    const delivered = this.delivery.deliveredUpTo(articleId);
    return delivered !== null && since <= delivered ? delivered : this.currentSeq(articleId);
  }

  /**
   * The events after `since` for a reconnecting reader, from memory when it has them all, else from the
   * log; as kept, without text (see currentText).
   */
  async replayAfter(articleId: string, since: number): Promise<StoredLiveEvent[]> {
    const recent = this.recent.after(articleId, since);
    if (recent) return recent;
    // The log keeps events as published, before any instance worked out the strengths they move: they
    // get the tree's current ones, else a reader back from a long absence keeps the strengths it left
    // with until some later event passes by. Events queued behind the replay come after, as the
    // changes they carry do, so the reader still ends where the tree is.
    const events = await this.log.after(articleId, since);
    if (events.length === 0) return events;
    const tree = await this.trees.tree(articleId).catch(() => null);
    return tree ? events.map((event) => withFigures(tree, event)) : events;
  }

  /** Sockets on this instance, and the article rooms they are in (each socket's own room left out). */
  private counts(namespace: Namespace): { sockets: number; rooms: number } {
    let rooms = 0;
    for (const [room, members] of namespace.adapter.rooms) if (members.size > 0 && room.startsWith(articleRoom(''))) rooms += 1;
    return { sockets: namespace.sockets.size, rooms };
  }

  /** Kept events (which hold no text) given their nodes' current text, as `reader` may read it. */
  async withCurrentText(events: StoredLiveEvent[], reader: Reader | null): Promise<StoredLiveEvent[]> {
    const ids = [...new Set(events.map(nodeIdOf).filter((id): id is string => id !== null))];
    if (ids.length === 0) return events;
    const current = new Map<string, CurrentText>();
    for (const n of await this.nodes.findTexts(ids)) current.set(String(n._id), { text: n.text, status: n.status, authorId: n.authorId ? String(n.authorId) : null, withdrawn: !!n.withdrawn });
    return events.map((event) => withCurrentText(event, current, reader));
  }

  onModuleDestroy(): void {
    for (const pending of this.pendingVotes.values()) clearTimeout(pending.timer);
    this.pendingVotes.clear();
  }
}

/** An event given the figures it moves as `tree` now gives them: its node's, and the strengths from it up to the root. */
function withFigures(tree: ArticleTree, event: StoredLiveEvent): StoredLiveEvent {
  switch (event.name) {
    case 'node:created':
    case 'node:updated': {
      const node = event.payload.node;
      const from = tree.get(node.id) ? node.id : node.parentId;
      return { name: event.name, payload: { ...event.payload, node: { ...node, ...tree.figuresFor(node) }, strengths: from ? tree.pathStrengths(from) : [] } } as StoredLiveEvent;
    }
    case 'vote:changed': {
      const strengths = tree.pathStrengths(event.payload.nodeId);
      return strengths.length ? { name: event.name, payload: { ...event.payload, strength: strengths[0].strength, rated: strengths[0].rated, strengths } } : event;
    }
    case 'article:updated':
    case 'article:revised':
      return event;
  }
}
