import { InjectConnection } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { assertCanWrite, DomainError, ERROR_CODES, isPublic, moveVote, type VoteResponse, type VoteTotals } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { UNFINISHED_STALE_MS, UnfinishedWork } from '../../infra/database/unfinished-work';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import { ArticlesRepository } from '../articles/articles.repository';
import { LivePublisher } from '../live/live-publisher';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { NodesService } from '../nodes/nodes.service';
import { StrengthService } from '../nodes/strength.service';
import { VotesRepository } from './votes.repository';

@Injectable()
export class VotesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Votes');
  /** Nodes whose vote totals and strength path a vote is moving. */
  private readonly unfinished: UnfinishedWork;

  constructor(
    private readonly votes: VotesRepository,
    private readonly nodes: NodesRepository,
    private readonly nodesService: NodesService,
    private readonly articles: ArticlesRepository,
    private readonly strength: StrengthService,
    private readonly live: LivePublisher,
    @Inject(REDIS) redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectConnection() connection: Connection,
  ) {
    this.unfinished = new UnfinishedWork(redis, `agora:unfinished:${connection.name}:votes`);
  }

  onApplicationBootstrap(): void {
    this.unfinished.startSweeping(this.config.REPAIR_SWEEP_MS, UNFINISHED_STALE_MS, (id) => this.repairIfUnfinished(id), this.logger);
  }

  onApplicationShutdown(): void {
    this.unfinished.stopSweeping();
  }

  /** A sweep found a vote's mark left long ago: if it is still there once the lock is ours, recount and repair. */
  private repairIfUnfinished(nodeId: string): Promise<void> {
    return this.recount(nodeId, 'if-unfinished');
  }

  /**
   * Recounts a node's totals from its votes and carries its strength to the root, under its lock;
   * with 'if-unfinished', only when a vote's mark is still there once the lock is held.
   */
  async recount(nodeId: string, only: 'always' | 'if-unfinished' = 'always'): Promise<void> {
    const node = await this.nodes.findById(nodeId);
    if (!node) return this.unfinished.end(nodeId);
    const changes = await this.nodes.exclusive(node._id, (locked) =>
      this.unfinished.repair(
        nodeId,
        only,
        async () => {
          const recounted = await this.votes.tally(node._id);
          const settled = await this.strength.settle(locked, { votes: () => recounted, rebuild: true });
          return settled ? this.strength.afterSettled(settled, true) : [];
        },
        [],
      ),
    );
    await this.strength.publishChanges(node.articleId, changes);
  }

  async vote(nodeId: string, value: number, actor: RequestUser): Promise<VoteResponse> {
    assertCanWrite(actor);
    return this.apply(nodeId, actor, value);
  }

  async withdraw(nodeId: string, actor: RequestUser): Promise<VoteResponse> {
    assertCanWrite(actor);
    return this.apply(nodeId, actor, null);
  }

  async mine(nodeId: string, actor: RequestUser): Promise<{ value: number | null }> {
    const node = await this.nodesService.getVisible(nodeId, actor);
    return { value: await this.votes.find(node._id, actor.id) };
  }

  async mineForArticle(articleId: string, actor: RequestUser): Promise<{ votes: Record<string, number> }> {
    return { votes: await this.votes.forArticle(articleId, actor.id) };
  }

  /** The rules a vote must pass that the node itself answers (read under its lock). */
  private votableNode(stored: NodeRecord | null, actor: RequestUser): NodeRecord {
    const node = this.nodesService.ensureVisible(stored, actor);
    if (!isPublic(node.status)) throw new DomainError(ERROR_CODES.FORBIDDEN, 'Only published nodes can be voted on.');
    if (node.authorId && String(node.authorId) === actor.id) throw new DomainError(ERROR_CODES.SELF_VOTE, 'You cannot vote on your own argument.');
    return node;
  }

  /** The rules its article and ancestors answer. */
  private assertOpen(article: { locked?: boolean } | null, lockedPath: boolean): void {
    if (!article) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    if (article.locked) throw new DomainError(ERROR_CODES.LOCKED, 'This article is locked: no new replies or votes.');
    if (lockedPath) throw new DomainError(ERROR_CODES.LOCKED, 'This thread is locked: no new replies or votes.');
  }

  /**
   * Stores the user's vote (null: withdrawn) and moves the node's totals by the difference, all under
   * the node's write lock so that no other vote on it comes between; then the node's strength and those
   * above it follow, and readers are told. If an earlier vote on this node was cut short (its mark is
   * still there), the totals are first recounted from the votes and the strength path repaired.
   */
  private async apply(nodeId: string, actor: RequestUser, value: number | null): Promise<VoteResponse> {
    const id = new Types.ObjectId(nodeId);
    // Everything happens under the node's lock, so the node is read once, for the rules and the totals
    // alike; the rules' other facts come from the cache (ModeratedFacts) and are looked up together.
    const { node, settled, changes } = await this.nodes.exclusive(id, async (locked) => {
      const node = this.votableNode(await locked.read(), actor);
      const [article, lockedPath, leftover] = await Promise.all([this.articles.findWriteRules(node.articleId), this.nodes.isLockedPath(node), this.unfinished.begin(nodeId)]);
      try {
        this.assertOpen(article, lockedPath);
      } catch (refusal) {
        if (!leftover) await this.unfinished.end(nodeId);
        throw refusal;
      }
      // The vote goes first, telling what it replaces: the totals move by the difference. Should the
      // process die before they are stored, the mark stays and a repair recounts them from the votes.
      const before = await this.votes.replace(id, actor.id, node.articleId, value);
      const recounted = leftover ? await this.votes.tally(id) : null;
      const settled = await this.strength.settle(locked, { votes: (totals) => (recounted ?? moveVote(totals, before, value)), rebuild: leftover }, node);
      // Readers hear of the vote as soon as the node's figures are stored; the strengths above follow
      // in their own event.
      if (!settled) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
      this.live.voteChanged(String(node.articleId), nodeId, { votes: settled.node.votes as VoteTotals, strength: settled.node.strength, version: settled.node.figuresVersion });
      const changes = await this.strength.afterSettled(settled, leftover);
      await this.unfinished.end(nodeId);
      return { node, settled, changes };
    });
    const ancestors = changes.filter((c) => c.nodeId !== nodeId);
    await this.strength.publishChanges(node.articleId, ancestors);
    return { nodeId, votes: settled.node.votes as VoteTotals, strength: settled.node.strength, myVote: value };
  }
}
