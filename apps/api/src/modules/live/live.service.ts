import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import type { ArgumentNode, ArticleSummary, LivePayloads, StoredLiveEvent } from '@agora/shared';
import type { Namespace } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DocumentLock } from '../../infra/database/document-lock';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import { LiveDelivery } from './live-delivery';
import { LiveLogRepository } from './live-log.repository';
import { RecentEvents } from './recent-events';
import { ReplayLogWriter } from './replay-log-writer';
import { LivePublisher, type CurrentNode } from './live-publisher';
import { nodeFiguresToSend, PublishedFigures, strengthsToSend, voteToSend, type Published, type VersionedStrength, type VersionedVote } from './published-figures';

/** The server-side event other instances receive through the Redis adapter. */
export const CROSS_INSTANCE_EVENT = 'agora:live-event';

type Sequenced = Exclude<StoredLiveEvent['name'], never>;
type Body<K extends Sequenced> = Omit<LivePayloads[K], 'seq' | 'articleId'>;

/** The event under its article and seq, as delivered and stored. */
const sequenced = (name: Sequenced, body: Record<string, unknown>, articleId: string, seq: number): StoredLiveEvent =>
  ({ name, payload: { ...body, articleId, seq } }) as unknown as StoredLiveEvent;

@Injectable()
export class LiveService extends LivePublisher implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger('Live');
  private namespace: Namespace | undefined;
  readonly delivery: LiveDelivery;
  /** What this instance delivered lately, for replays (see RecentEvents). */
  private readonly recent: RecentEvents;
  /** One publish per article at a time, across instances when Redis is configured. */
  private readonly ordering: DocumentLock;
  private readonly highWater = new Map<string, number>();
  private readonly pendingVotes = new Map<string, { timer: NodeJS.Timeout; figures: VersionedVote; articleId: string }>();
  private readonly published: PublishedFigures;
  /** Without Redis: stores delivered events for replay, in batches (see ReplayLogWriter). */
  private readonly replayLog: ReplayLogWriter;

  constructor(
    readonly log: LiveLogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: RedisClient,
  ) {
    super();
    this.ordering = new DocumentLock(redis, 'agora:lock:publish');
    this.published = new PublishedFigures(redis);
    this.replayLog = new ReplayLogWriter(log, (message) => this.logger.warn(message), {
      lingerMs: this.config.LIVE_LOG_LINGER_MS,
      keep: this.config.LIVE_EVENT_RETENTION,
    });
    this.recent = new RecentEvents(Math.min(this.config.LIVE_EVENT_RETENTION, this.config.LIVE_REPLAY_MEMORY));
    this.delivery = new LiveDelivery(
      () => this.namespace,
      (articleId, from, to) => this.log.range(articleId, from, to),
      (event) => this.recent.add(event),
    );
  }

  attach(namespace: Namespace): void {
    this.namespace = namespace;
    // Events published by other instances arrive here through the Redis adapter.
    namespace.on(CROSS_INSTANCE_EVENT, (event: StoredLiveEvent) => {
      this.noteSeq(event.payload.articleId, event.payload.seq);
      this.delivery.receive(event);
    });
  }

  nodeCreated(articleId: string, node: ArgumentNode): Promise<void> {
    return this.publish(articleId, 'node:created', { node });
  }

  nodeUpdated(articleId: string, current: () => Promise<CurrentNode | null>): Promise<void> {
    return this.publish(articleId, 'node:updated', async () => {
      const latest = await current();
      if (!latest) return null;
      const id = latest.node.id;
      const { strength, record } = nodeFiguresToSend(latest.node.strength, latest.version, (await this.published.get(articleId, [id])).get(id));
      return { body: { node: { ...latest.node, strength } }, stored: () => this.published.set(articleId, new Map([[id, record]])) };
    });
  }

  strengthChanged(articleId: string, nodes: VersionedStrength[]): Promise<void> {
    if (!nodes.length) return Promise.resolve();
    return this.publish(articleId, 'strength:changed', async () => {
      const known = await this.published.get(articleId, [...new Set(nodes.map((n) => n.nodeId))]);
      const send = strengthsToSend(nodes, known);
      if (!send.length) return null;
      const record = new Map(send.map((n) => [n.nodeId, { strength: n.strength, strengthVersion: n.version, votesVersion: known.get(n.nodeId)?.votesVersion ?? -1 }]));
      return { body: { nodes: send.map(({ nodeId, strength }) => ({ nodeId, strength })) }, stored: () => this.published.set(articleId, record) };
    });
  }

  articleUpdated(articleId: string, article: ArticleSummary): Promise<void> {
    return this.publish(articleId, 'article:updated', { article });
  }

  voteChanged(articleId: string, nodeId: string, figures: VersionedVote): void {
    // Without a window there is nothing to gather, not even for a timer's turn of the event loop.
    if (this.config.LIVE_COALESCE_MS === 0) {
      void this.publishVote(articleId, nodeId, figures);
      return;
    }
    const pending = this.pendingVotes.get(nodeId);
    if (pending) {
      if (figures.version > pending.figures.version) pending.figures = figures;
      return;
    }
    const timer = setTimeout(() => void this.flushVote(nodeId), this.config.LIVE_COALESCE_MS);
    this.pendingVotes.set(nodeId, { timer, figures, articleId });
  }

  private async flushVote(nodeId: string): Promise<void> {
    const pending = this.pendingVotes.get(nodeId);
    if (!pending) return;
    this.pendingVotes.delete(nodeId);
    await this.publishVote(pending.articleId, nodeId, pending.figures);
  }

  private publishVote(articleId: string, nodeId: string, figures: VersionedVote): Promise<void> {
    return this.publish(articleId, 'vote:changed', async () => {
      const known = (await this.published.get(articleId, [nodeId])).get(nodeId);
      const send = voteToSend(figures, known);
      if (!send) return null;
      const record: Published = { strength: send.strength, strengthVersion: send.strengthVersion, votesVersion: figures.version };
      return { body: { nodeId, votes: send.votes, strength: send.strength }, stored: () => this.published.set(articleId, new Map([[nodeId, record]])) };
    });
  }

  /**
   * Stores the event for replay under the article's next seq, then delivers it here and to every other
   * instance. A failure to deliver never fails the write that caused it.
   *
   * Publishes of one article take turns across instances (see DocumentLock). An event given as a
   * function is prepared inside that turn, against what was published before it (PublishedFigures),
   * and `stored` records it once it has its seq: so figures (votes, strengths) in an event are never
   * older than those of an event with a lower seq, and readers applying events in order end with the
   * stored figures.
   *
   * Without Redis this process is the only publisher, so the seq it counts is the log's: the event is
   * delivered as soon as it has its seq, inside the turn, and handed to the ReplayLogWriter, which
   * stores it with the events around it after the turn (a reconnecting reader's replay takes the same
   * turn and waits for those writes, see whileLogComplete, so it never reads a log missing them).
   */
  private async publish<K extends Sequenced>(
    articleId: string,
    name: K,
    event: Body<K> | (() => Promise<{ body: Body<K>; stored: () => Promise<void> } | null>),
  ): Promise<void> {
    try {
      const published = await this.ordering.run(articleId, async () => {
        const prepared = typeof event === 'function' ? await event() : { body: event, stored: () => Promise.resolve() };
        if (!prepared) return null;
        const body = prepared.body as Record<string, unknown>;
        if (this.config.REDIS_URL) {
          const appended = await this.append(articleId, name, body);
          await prepared.stored();
          return { event: appended, delivered: false };
        }
        const seq = (await this.currentSeq(articleId)) + 1;
        this.noteSeq(articleId, seq);
        const numbered = sequenced(name, body, articleId, seq);
        this.delivery.receive(numbered);
        this.replayLog.add(numbered);
        await prepared.stored();
        return { event: numbered, delivered: true };
      });
      if (!published || published.delivered) return;
      const seq = published.event.payload.seq;
      this.delivery.receive(published.event);
      this.namespace?.serverSideEmit(CROSS_INSTANCE_EVENT, published.event);
      // With Redis, pruned half-way through each retention window, so at most 150% is ever kept: a
      // prune reads the whole log on FerretDB (without Redis, the ReplayLogWriter removes pages by _id).
      const every = Math.max(1, Math.ceil(this.config.LIVE_EVENT_RETENTION / 2));
      if (seq % every === 0) await this.log.prune(articleId, seq, this.config.LIVE_EVENT_RETENTION);
    } catch (error) {
      this.logger.warn(`${name} for article ${articleId} not published: ${(error as Error).message}`);
    }
  }

  /**
   * Runs `task` (a reconnecting reader's replay from the log) while no event of the article is
   * delivered but not yet stored: without Redis, within the article's publishing turn once the
   * events delivered before it are written.
   */
  whileLogComplete<T>(articleId: string, task: () => Promise<T>): Promise<T> {
    if (this.config.REDIS_URL) return task();
    return this.ordering.run(articleId, async () => {
      await this.replayLog.idle(articleId);
      return task();
    });
  }

  /** The events after `since` for a reconnecting reader: from memory when it has them all, else from the log. */
  async replayAfter(articleId: string, since: number): Promise<StoredLiveEvent[]> {
    return this.recent.after(articleId, since) ?? this.log.after(articleId, since);
  }

  /** Takes the next free seq: usually the first try; after a lost race, re-read the log's latest. */
  private async append(articleId: string, name: Sequenced, body: Record<string, unknown>): Promise<StoredLiveEvent> {
    let seq = (await this.currentSeq(articleId)) + 1;
    for (let attempt = 0; attempt < 100; attempt++) {
      const event = sequenced(name, body, articleId, seq);
      if (await this.log.append(articleId, [event])) {
        this.noteSeq(articleId, seq);
        return event;
      }
      seq = Math.max(seq, await this.log.latestSeq(articleId)) + 1;
    }
    throw new Error(`no free sequence number for article ${articleId} after 100 attempts`);
  }

  /** The highest seq this instance knows for an article (published here or received from others). */
  async currentSeq(articleId: string): Promise<number> {
    const known = this.highWater.get(articleId);
    if (known !== undefined) return known;
    const latest = await this.log.latestSeq(articleId);
    this.noteSeq(articleId, latest);
    return this.highWater.get(articleId)!;
  }

  /**
   * Where a reader reconnecting with `since` picks up. This instance delivers every event after the seq
   * it has delivered up to, so a reader not ahead of that needs no question to the log (a scan on
   * FerretDB); one ahead of it is checked against the log, which says whether it is ahead of everyone.
   */
  async resumeSeq(articleId: string, since: number): Promise<number> {
    const delivered = this.delivery.deliveredUpTo(articleId);
    return delivered !== null && since <= delivered ? delivered : this.latestSeq(articleId);
  }

  /**
   * The article's latest seq as the log says it, for a reconnecting reader: this instance's figure may
   * trail an event another instance has just stored. Without Redis there is no other instance, and
   * this process's figure is the log's (asking the log is a scan of it on FerretDB).
   */
  private async latestSeq(articleId: string): Promise<number> {
    if (!this.config.REDIS_URL) return this.currentSeq(articleId);
    this.noteSeq(articleId, await this.log.latestSeq(articleId));
    return this.highWater.get(articleId)!;
  }

  private noteSeq(articleId: string, seq: number): void {
    if ((this.highWater.get(articleId) ?? -1) < seq) this.highWater.set(articleId, seq);
  }

  /** Events delivered but not yet in the replay log are written before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.replayLog.idleAll();
  }

  onModuleDestroy(): void {
    for (const pending of this.pendingVotes.values()) clearTimeout(pending.timer);
    this.pendingVotes.clear();
  }
}
