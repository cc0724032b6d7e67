import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { VoteTotals } from '@agora/shared';
import type { Types } from 'mongoose';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LivePublisher } from '../live/live-publisher';
import { ArticleTrees } from '../article-tree/article-trees';
import { NodesRepository } from '../nodes/nodes.repository';
import { VotesRepository } from './votes.repository';

/** A vote change pending this long was cut short: no request takes that long to move two documents. */
export const STALE_PENDING_MS = 15_000;

/**
 * Finishes what a vote cut short left undone: a vote stored but its node's totals not moved (the
 * process died between). Such votes keep their pending mark; every instance looks for old marks at
 * start and every REPAIR_SWEEP_MS, and recounts each such node from its votes. The recount is set
 * only if no vote moved the totals meanwhile (compare-and-set on `votesVersion`), and only while no
 * other change of the node's votes is under way, so it never undoes or doubles a live vote.
 */
@Injectable()
export class VoteRepair implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('VoteRepair');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly votes: VotesRepository,
    private readonly nodes: NodesRepository,
    private readonly trees: ArticleTrees,
    private readonly live: LivePublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const sweep = () => {
      this.running ??= this.sweep()
        .then(() => undefined, (error: Error) => this.logger.warn(`vote repair sweep failed: ${error.message}`))
        .finally(() => (this.running = null));
    };
    sweep();
    this.timer = setInterval(sweep, this.config.REPAIR_SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the nodes with old pending marks; returns how many were repaired. */
  async sweep(now = new Date()): Promise<number> {
    const olderThan = new Date(now.getTime() - STALE_PENDING_MS);
    let repaired = 0;
    for (const nodeId of await this.votes.nodesWithStalePending(olderThan)) if (await this.repair(nodeId, olderThan)) repaired++;
    if (repaired) this.logger.warn(`recounted the votes of ${repaired} node(s) left by interrupted votes`);
    return repaired;
  }

  private async repair(nodeId: Types.ObjectId, olderThan: Date): Promise<boolean> {
    const node = await this.nodes.findById(nodeId);
    if (!node) return false;
    const tally = await this.votes.tally(nodeId, olderThan);
    // A change under way will move the totals itself: try again at the next sweep.
    if (tally.freshPending) return false;
    const updated = await this.nodes.replaceVotes(node._id, node.votesVersion ?? 0, tally.totals);
    if (!updated) return false;
    for (const [id, updatedAt] of tally.stalePending) await this.votes.clearPending(id, updatedAt);
    this.trees.put(updated);
    const { strength, rated } = await this.trees.figuresFor(updated);
    this.live.voteChanged(String(updated.articleId), String(updated._id), { votes: updated.votes as VoteTotals, votesVersion: updated.votesVersion, strength, rated });
    return true;
  }
}
