import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import { ArticlesRepository } from '../articles/articles.repository';
import { NodesRepository } from '../nodes/nodes.repository';
import { findStaleFigures } from '../nodes/stale-figures';
import { StrengthService } from '../nodes/strength.service';
import { VotesRepository } from './votes.repository';
import { VotesService } from './votes.service';

/**
 * Without Redis there is one instance and its marks of unfinished work live in memory, so a crash
 * of that process can leave a vote's totals or a parent's children half-moved with nothing to say
 * so. At start, in the background, this compares every stored figure with its sources and repairs
 * what disagrees through the same exact recomputation the marks trigger. (With Redis the marks
 * survive the crash, and other instances may be writing, so it does not run.)
 */
@Injectable()
export class DerivedFiguresAudit implements OnApplicationBootstrap {
  private readonly logger = new Logger('DerivedFiguresAudit');
  constructor(
    private readonly nodes: NodesRepository,
    private readonly votes: VotesRepository,
    private readonly articles: ArticlesRepository,
    private readonly strength: StrengthService,
    private readonly votesService: VotesService,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  onApplicationBootstrap(): void {
    if (this.redis) return;
    void this.run().catch((error: Error) => this.logger.warn(`audit of derived figures stopped, to be tried at the next start: ${error.message}`));
  }

  /** Repairs every stale figure; returns how many nodes and articles were repaired. */
  async run(): Promise<number> {
    const [nodes, tallies, replyCounts] = await Promise.all([this.nodes.findAllForAudit(), this.votes.tallyAll(), this.articles.replyCounts()]);
    const stale = findStaleFigures(nodes, tallies, replyCounts);
    const byId = new Map(nodes.map((n) => [String(n._id), n]));
    // A recount also rebuilds the node's children and carries its strength up, so it covers both.
    for (const id of stale.votes) await this.votesService.recount(id);
    const recounted = new Set(stale.votes);
    for (const id of stale.children) if (!recounted.has(id)) await this.strength.repairChildren(byId.get(id)!._id, byId.get(id)!.articleId);
    for (const id of stale.articles) await this.strength.recountArticleReplies(id);
    const repaired = stale.votes.length + stale.children.length + stale.articles.length;
    if (repaired) this.logger.warn(`repaired derived figures left wrong (a crash?): ${stale.votes.length} vote totals, ${stale.children.length} nodes' children or strength, ${stale.articles.length} article counts`);
    return repaired;
  }
}
