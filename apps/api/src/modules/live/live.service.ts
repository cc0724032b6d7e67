import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ArgumentNode, ArticleSummary, LivePayloads, StoredLiveEvent, VoteTotals } from '@agora/shared';
import type { Namespace } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DocumentLock } from '../../infra/database/document-lock';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import { LiveDelivery } from './live-delivery';
import { LiveEventsRepository } from './live-events.repository';
import { LivePublisher } from './live-publisher';

/** The server-side event other instances receive through the Redis adapter. */
export const CROSS_INSTANCE_EVENT = 'agora:live-event';

type Sequenced = Exclude<StoredLiveEvent['name'], never>;
type Body<K extends Sequenced> = Omit<LivePayloads[K], 'seq' | 'articleId'>;

@Injectable()
export class LiveService extends LivePublisher implements OnModuleDestroy {
  private readonly logger = new Logger('Live');
  private namespace: Namespace | undefined;
  readonly delivery: LiveDelivery;
  /** One publish per article at a time, across instances when Redis is configured. */
  private readonly ordering: DocumentLock;
  private readonly highWater = new Map<string, number>();
  private readonly pendingVotes = new Map<string, { timer: NodeJS.Timeout; load: () => Promise<{ votes: VoteTotals; strength: number } | null>; articleId: string }>();

  constructor(
    readonly events: LiveEventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: RedisClient,
  ) {
    super();
    this.ordering = new DocumentLock(redis, 'agora:lock:publish');
    this.delivery = new LiveDelivery(
      () => this.namespace,
      (articleId, from, to) => this.events.range(articleId, from, to),
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

  nodeUpdated(articleId: string, node: ArgumentNode): Promise<void> {
    return this.publish(articleId, 'node:updated', { node });
  }

  strengthChanged(articleId: string, load: () => Promise<{ nodeId: string; strength: number }[]>): Promise<void> {
    return this.publish(articleId, 'strength:changed', async () => {
      const nodes = await load();
      return nodes.length ? { nodes } : null;
    });
  }

  articleUpdated(articleId: string, article: ArticleSummary): Promise<void> {
    return this.publish(articleId, 'article:updated', { article });
  }

  voteChanged(articleId: string, nodeId: string, load: () => Promise<{ votes: VoteTotals; strength: number } | null>): void {
    const pending = this.pendingVotes.get(nodeId);
    if (pending) {
      pending.load = load;
      return;
    }
    const timer = setTimeout(() => void this.flushVote(nodeId), this.config.LIVE_COALESCE_MS);
    this.pendingVotes.set(nodeId, { timer, load, articleId });
  }

  private async flushVote(nodeId: string): Promise<void> {
    const pending = this.pendingVotes.get(nodeId);
    if (!pending) return;
    this.pendingVotes.delete(nodeId);
    try {
      await this.publish(pending.articleId, 'vote:changed', async () => {
        const figures = await pending.load();
        return figures ? { nodeId, ...figures } : null;
      });
    } catch (error) {
      this.logger.warn(`vote:changed for ${nodeId} not published: ${(error as Error).message}`);
    }
  }

  /**
   * Stores the event for replay under the article's next seq (allocated by the database), then delivers it
   * here and to every other instance. A failure to deliver never fails the write that caused it.
   *
   * Publishes of one article take turns across instances (see DocumentLock), and a body given as a
   * function is read inside that turn: figures (votes, strengths) are then never older than those of
   * an event with a lower seq, so a reader that applies events in order ends with the stored figures.
   */
  private async publish<K extends Sequenced>(articleId: string, name: K, body: Body<K> | (() => Promise<Body<K> | null>)): Promise<void> {
    try {
      const event = await this.ordering.run(articleId, async () => {
        const content = typeof body === 'function' ? await body() : body;
        return content ? this.append(articleId, name, content as Record<string, unknown>) : null;
      });
      if (!event) return;
      const seq = event.payload.seq;
      this.delivery.receive(event);
      if (this.config.REDIS_URL) this.namespace?.serverSideEmit(CROSS_INSTANCE_EVENT, event);
      // Prune a tenth of the way through each retention window, so at most 110% is ever kept.
      const every = Math.max(1, Math.ceil(this.config.LIVE_EVENT_RETENTION / 10));
      if (seq % every === 0) await this.events.prune(articleId, seq, this.config.LIVE_EVENT_RETENTION);
    } catch (error) {
      this.logger.warn(`${name} for article ${articleId} not published: ${(error as Error).message}`);
    }
  }

  /** Takes the next free seq: usually the first try; after a lost race, re-read the log's latest. */
  private async append(articleId: string, name: Sequenced, body: Record<string, unknown>): Promise<StoredLiveEvent> {
    let seq = (await this.currentSeq(articleId)) + 1;
    for (let attempt = 0; attempt < 100; attempt++) {
      const event = await this.events.tryAppend(articleId, seq, name, body);
      if (event) {
        this.noteSeq(articleId, seq);
        return event;
      }
      seq = Math.max(seq, await this.events.latestSeq(articleId)) + 1;
    }
    throw new Error(`no free sequence number for article ${articleId} after 100 attempts`);
  }

  /** The highest seq this instance knows for an article (published here or received from others). */
  async currentSeq(articleId: string): Promise<number> {
    const known = this.highWater.get(articleId);
    if (known !== undefined) return known;
    const latest = await this.events.latestSeq(articleId);
    this.noteSeq(articleId, latest);
    return this.highWater.get(articleId)!;
  }

  /**
   * The article's latest seq as the log says it, for a reconnecting reader: this instance's figure may
   * trail an event another instance has just stored.
   */
  async latestSeq(articleId: string): Promise<number> {
    this.noteSeq(articleId, await this.events.latestSeq(articleId));
    return this.highWater.get(articleId)!;
  }

  private noteSeq(articleId: string, seq: number): void {
    if ((this.highWater.get(articleId) ?? -1) < seq) this.highWater.set(articleId, seq);
  }

  onModuleDestroy(): void {
    for (const pending of this.pendingVotes.values()) clearTimeout(pending.timer);
    this.pendingVotes.clear();
  }
}
