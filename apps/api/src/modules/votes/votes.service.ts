import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { assertCanWrite, assertMay, DomainError, ERROR_CODES, ratedEarlierVersion, type ArgumentNode, type MyVote, type VoteResponse, type VoteTotals } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { ArticleTrees } from '../article-tree/article-trees';
import { ArticlesRepository } from '../articles/articles.repository';
import { LivePublisher } from '../live/live-publisher';
import { NotificationsService } from '../notifications/notifications.service';
import { Types } from 'mongoose';
import { situationOf } from '../nodes/node.mapper';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { NodesService } from '../nodes/nodes.service';
import { WriteBatch } from '../../infra/database/write-batch';
import { voteId, VotesRepository } from './votes.repository';

/** What a vote's rules look at of its node. */
type Votable = Pick<ArgumentNode, 'articleId' | 'status' | 'authorId' | 'locked' | 'ancestors' | 'type' | 'withdrawn'>;

const votableOf = (node: NodeRecord): Votable => ({
  ...situationOf(node),
  articleId: String(node.articleId),
  locked: !!node.locked,
  ancestors: node.ancestors.map(String),
});

/**
 * How long votes whose totals moved gather before their pending marks are taken back together. A mark
 * only matters to the repair sweep once STALE_PENDING_MS old, so a second costs nothing but saves writes.
 */
const SETTLED_LINGER_MS = 1000;

@Injectable()
export class VotesService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Votes');
  /**
   * Votes whose totals have moved, their marks taken back together: nothing waits for it, and a mark
   * left (this process died first) only makes the sweep recount a node that was right (VoteRepair).
   */
  private readonly settled: WriteBatch<string>;

  constructor(
    private readonly votes: VotesRepository,
    private readonly nodes: NodesRepository,
    private readonly nodesService: NodesService,
    private readonly articles: ArticlesRepository,
    private readonly trees: ArticleTrees,
    private readonly live: LivePublisher,
    private readonly notifications: NotificationsService,
  ) {
    this.settled = new WriteBatch((ids) => this.votes.settled(ids), SETTLED_LINGER_MS, (error, count) =>
      this.logger.warn(`${count} pending vote mark(s) left for the repair sweep: ${(error as Error).message}`),
    );
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.settled.flush();
  }

  async vote(nodeId: string, value: number, actor: RequestUser): Promise<VoteResponse> {
    assertCanWrite(actor);
    return this.apply(nodeId, actor, value);
  }

  async withdraw(nodeId: string, actor: RequestUser): Promise<VoteResponse> {
    assertCanWrite(actor);
    return this.apply(nodeId, actor, null);
  }

  /** The caller's vote on a node, and whether they cast it on an earlier text than the node's. */
  async mine(nodeId: string, actor: RequestUser): Promise<MyVote> {
    const node = await this.nodesService.getVisible(nodeId, actor);
    const { value, updatedAt } = await this.votes.findWithTime(node._id, actor.id);
    return { value, ratedAt: updatedAt ? updatedAt.toISOString() : null, onEarlierVersion: ratedEarlierVersion(updatedAt, node.editedAt) };
  }

  async mineForArticle(articleId: string, actor: RequestUser): Promise<{ votes: Record<string, number> }> {
    return { votes: await this.votes.forArticle(articleId, actor.id) };
  }

  /**
   * The node a vote is for, checked against the rules a vote must pass (the node, its article, its
   * thread): as the article's tree in memory holds it when it is public, else as stored.
   */
  private async votable(nodeId: string, actor: RequestUser): Promise<Votable> {
    const node: Votable = this.trees.findPublic(nodeId) ?? votableOf(this.nodesService.ensureVisible(await this.nodes.findById(nodeId), actor));
    // What the node alone decides is answered before the article and the thread's locks are read.
    assertMay('vote', actor, { node, articleLocked: false, threadLocked: false });
    const [article, lockedPath] = await Promise.all([this.articles.findWriteRules(node.articleId, actor.factsSince), this.nodes.isLockedPath(node, actor.factsSince)]);
    if (!article) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    assertMay('vote', actor, { node, articleLocked: !!article.locked, threadLocked: lockedPath });
    return node;
  }

  /**
   * Stores the user's vote (null: withdrawn), which says what it replaces, then moves the node's totals
   * by the difference with one `$inc`. The vote is marked pending between the two: should the process
   * die there, the repair sweep recounts the node from its votes (VoteRepair). Strengths follow from
   * the totals (see ArticleTrees); nothing else is written.
   */
  private async apply(nodeId: string, actor: RequestUser, value: number | null): Promise<VoteResponse> {
    const node = await this.votable(nodeId, actor);
    const id = new Types.ObjectId(nodeId);
    const before = await this.votes.replace(id, actor.id, new Types.ObjectId(node.articleId), value);
    const moved = await this.nodes.moveVotes(id, before, value);
    if (!moved) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    this.settled.add(voteId(nodeId, actor.id));
    const articleId = String(moved.articleId);
    this.trees.setVotes(articleId, nodeId, moved.votes as VoteTotals, moved.votesVersion);
    const { strength, rated } = await this.trees.figuresFor(moved);
    const votes = moved.votes as VoteTotals;
    this.live.voteChanged(articleId, nodeId, { votes, votesVersion: moved.votesVersion, strength, rated });
    if (value !== null && value !== before) this.notifications.rated(node.authorId, nodeId, articleId, actor.id);
    return { nodeId, votes, strength, rated, myVote: value };
  }
}
