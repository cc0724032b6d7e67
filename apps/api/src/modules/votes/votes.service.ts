import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { assertCanWrite, DomainError, ERROR_CODES, isPublic, moveVote, type VoteResponse, type VoteTotals } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { UnfinishedWork } from '../../infra/database/unfinished-work';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import { ArticlesRepository } from '../articles/articles.repository';
import { LivePublisher } from '../live/live-publisher';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { NodesService } from '../nodes/nodes.service';
import { StrengthService } from '../nodes/strength.service';
import { VotesRepository } from './votes.repository';

/** How long a mark of unfinished work waits before a sweep repairs it: well past a lock's lease. */
const STALE_AFTER_MS = 15_000;
const SWEEP_EVERY_MS = 20_000;

@Injectable()
export class VotesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Votes');
  /** Nodes whose vote totals and strength path a vote is moving. */
  private readonly unfinished: UnfinishedWork;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly votes: VotesRepository,
    private readonly nodes: NodesRepository,
    private readonly nodesService: NodesService,
    private readonly articles: ArticlesRepository,
    private readonly strength: StrengthService,
    private readonly live: LivePublisher,
    @Inject(REDIS) redis: RedisClient,
  ) {
    this.unfinished = new UnfinishedWork(redis, 'agora:unfinished:votes');
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.unfinished.sweep(STALE_AFTER_MS, (id) => this.repairIfUnfinished(id), this.logger), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /** A sweep found a vote's mark left long ago: if it is still there once the lock is ours, recount and repair. */
  private async repairIfUnfinished(nodeId: string): Promise<void> {
    const node = await this.nodes.findById(nodeId);
    if (!node) return this.unfinished.end(nodeId);
    const changes = await this.nodes.exclusive(node._id, async (locked) => {
      if (!(await this.unfinished.begin(nodeId))) {
        await this.unfinished.end(nodeId);
        return [];
      }
      const recounted = await this.votes.tally(node._id);
      const settled = await this.strength.settle(locked, { votes: () => recounted, rebuild: true });
      const moved = settled ? await this.strength.afterSettled(settled, true) : [];
      await this.unfinished.end(nodeId);
      return moved;
    });
    if (changes.length) await this.live.strengthChanged(String(node.articleId), changes);
  }

  async vote(nodeId: string, value: number, actor: RequestUser): Promise<VoteResponse> {
    const node = await this.votableNode(nodeId, actor);
    return this.apply(node, actor.id, value);
  }

  async withdraw(nodeId: string, actor: RequestUser): Promise<VoteResponse> {
    const node = await this.votableNode(nodeId, actor);
    return this.apply(node, actor.id, null);
  }

  async mine(nodeId: string, actor: RequestUser): Promise<{ value: number | null }> {
    const node = await this.nodesService.getVisible(nodeId, actor);
    return { value: await this.votes.find(node._id, actor.id) };
  }

  async mineForArticle(articleId: string, actor: RequestUser): Promise<{ votes: Record<string, number> }> {
    return { votes: await this.votes.forArticle(articleId, actor.id) };
  }

  private async votableNode(nodeId: string, actor: RequestUser): Promise<NodeRecord> {
    assertCanWrite(actor);
    const node = await this.nodesService.getVisible(nodeId, actor);
    if (!isPublic(node.status)) throw new DomainError(ERROR_CODES.FORBIDDEN, 'Only published nodes can be voted on.');
    if (node.authorId && String(node.authorId) === actor.id) throw new DomainError(ERROR_CODES.SELF_VOTE, 'You cannot vote on your own argument.');
    const article = await this.articles.findSummaryById(node.articleId);
    if (!article) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    if (article.locked) throw new DomainError(ERROR_CODES.LOCKED, 'This article is locked: no new replies or votes.');
    if (await this.nodes.isLockedPath(node)) throw new DomainError(ERROR_CODES.LOCKED, 'This thread is locked: no new replies or votes.');
    return node;
  }

  /**
   * Stores the user's vote (null: withdrawn) and moves the node's totals by the difference, all under
   * the node's write lock so that no other vote on it comes between; then the node's strength and those
   * above it follow, and readers are told. If an earlier vote on this node was cut short (its mark is
   * still there), the totals are first recounted from the votes and the strength path repaired.
   */
  private async apply(node: NodeRecord, userId: string, value: number | null): Promise<VoteResponse> {
    const nodeId = String(node._id);
    const { settled, changes } = await this.nodes.exclusive(node._id, async (locked) => {
      const leftover = await this.unfinished.begin(nodeId);
      const recounted = leftover ? await this.votes.tally(node._id) : null;
      const before = await this.votes.find(node._id, userId);
      if (value === null) await this.votes.remove(node._id, userId);
      else await this.votes.set(node._id, userId, node.articleId, value);
      const settled = await this.strength.settle(locked, { votes: (stored) => moveVote(recounted ?? stored, before, value), rebuild: leftover });
      if (!settled) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
      const changes = await this.strength.afterSettled(settled, leftover);
      await this.unfinished.end(nodeId);
      return { settled, changes };
    });
    const articleId = String(node.articleId);
    this.live.voteChanged(articleId, nodeId, async () => {
      const fresh = await this.nodes.findById(nodeId);
      return fresh ? { votes: fresh.votes as VoteTotals, strength: fresh.strength } : null;
    });
    const ancestors = changes.filter((c) => c.nodeId !== nodeId);
    if (ancestors.length) await this.live.strengthChanged(articleId, ancestors);
    return { nodeId, votes: settled.node.votes as VoteTotals, strength: settled.node.strength, myVote: value };
  }
}
