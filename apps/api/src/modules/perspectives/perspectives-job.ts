import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { StoredLiveEvent } from '@agora/shared';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ArticleTrees } from '../article-tree/article-trees';
import { LiveService } from '../live/live.service';
import { computeGroupsInWorker } from './groups-worker';
import { PerspectivesRepository } from './perspectives.repository';

/** How long a claim lets its instance compute before another may take the job over. */
const CLAIM_LEASE_MS = 60_000;

interface Pending {
  timer: NodeJS.Timeout;
  /** The highest seq of a vote seen in the article since the job was last scheduled. */
  seq: number;
}

/**
 * Recomputes an article's opinion groups in the background as its votes arrive, never on a vote's
 * request: every instance hears every vote event (in seq order) and, PERSPECTIVES_INTERVAL_MS after
 * the first vote it has not yet had computed, tries to claim the job in the database. The claim is
 * one atomic update that succeeds only when the stored result is older than the vote and no other
 * instance holds the job, so of several instances one computes and the others find it done.
 */
@Injectable()
export class PerspectivesJob implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Perspectives');
  private readonly pending = new Map<string, Pending>();
  private running: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(
    private readonly repository: PerspectivesRepository,
    private readonly trees: ArticleTrees,
    private readonly live: LiveService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.live.onEvent((event) => this.heard(event));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    await this.running;
  }

  private heard(event: StoredLiveEvent): void {
    if (event.name !== 'vote:changed' || this.closing) return;
    this.schedule(event.payload.articleId, event.payload.seq);
  }

  private schedule(articleId: string, seq: number): void {
    const held = this.pending.get(articleId);
    if (held) {
      held.seq = Math.max(held.seq, seq);
      return;
    }
    // Not pushed back by later votes: under a steady stream of votes the groups still move every interval.
    const timer = setTimeout(() => {
      const p = this.pending.get(articleId);
      this.pending.delete(articleId);
      if (p) this.running = this.running.then(() => this.run(articleId, p.seq));
    }, this.config.PERSPECTIVES_INTERVAL_MS);
    timer.unref();
    this.pending.set(articleId, { timer, seq });
  }

  /** Computes the article's groups up to `seq` if this instance wins the claim; tries again later if another holds it. */
  private async run(articleId: string, seq: number): Promise<void> {
    if (this.closing) return;
    const token = randomUUID();
    try {
      const before = await this.repository.claim(articleId, seq, token, CLAIM_LEASE_MS);
      if (!before) {
        const stored = await this.repository.find(articleId);
        if (stored && stored.seq < seq) this.schedule(articleId, seq);
        return;
      }
      const tree = await this.trees.tree(articleId);
      const votes = (await this.repository.votesOf(articleId)).filter((v) => tree.get(v.nodeId) !== undefined);
      const { groups, members, totals } = await computeGroupsInWorker(votes, before.groups);
      const saved = await this.repository.save(articleId, token, { seq, groups, members, totals });
      if (!saved) this.logger.warn(`groups of article ${articleId} computed after the claim lapsed: not saved`);
    } catch (error) {
      this.logger.warn(`groups of article ${articleId} not computed: ${(error as Error).message}`);
      await this.repository.release(articleId, token).catch(() => undefined);
    }
  }
}
