import { Injectable } from '@nestjs/common';
import { assertCanWrite, DomainError, ERROR_CODES, isPublic, type VoteResponse, type VoteTotals } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { ArticleTrees } from '../article-tree/article-trees';
import { ArticlesRepository } from '../articles/articles.repository';
import { LivePublisher } from '../live/live-publisher';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { NodesService } from '../nodes/nodes.service';
import { VotesRepository } from './votes.repository';

@Injectable()
export class VotesService {
  constructor(
    private readonly votes: VotesRepository,
    private readonly nodes: NodesRepository,
    private readonly nodesService: NodesService,
    private readonly articles: ArticlesRepository,
    private readonly trees: ArticleTrees,
    private readonly live: LivePublisher,
  ) {}

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

  /** The rules a vote must pass: the node, its article and its thread. */
  private async assertVotable(stored: NodeRecord | null, actor: RequestUser): Promise<NodeRecord> {
    const node = this.nodesService.ensureVisible(stored, actor);
    if (!isPublic(node.status)) throw new DomainError(ERROR_CODES.FORBIDDEN, 'Only published nodes can be voted on.');
    if (node.authorId && String(node.authorId) === actor.id) throw new DomainError(ERROR_CODES.SELF_VOTE, 'You cannot vote on your own argument.');
    const [article, lockedPath] = await Promise.all([this.articles.findWriteRules(node.articleId), this.nodes.isLockedPath(node)]);
    if (!article) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    if (article.locked) throw new DomainError(ERROR_CODES.LOCKED, 'This article is locked: no new replies or votes.');
    if (lockedPath) throw new DomainError(ERROR_CODES.LOCKED, 'This thread is locked: no new replies or votes.');
    return node;
  }

  /**
   * Stores the user's vote (null: withdrawn), which says what it replaces, then moves the node's totals
   * by the difference with one `$inc`. The vote is marked pending between the two: should the process
   * die there, the repair sweep recounts the node from its votes (VoteRepair). Strengths follow from
   * the totals (see ArticleTrees); nothing else is written.
   */
  private async apply(nodeId: string, actor: RequestUser, value: number | null): Promise<VoteResponse> {
    const node = await this.assertVotable(await this.nodes.findById(nodeId), actor);
    const before = await this.votes.replace(node._id, actor.id, node.articleId, value);
    const moved = await this.nodes.moveVotes(node._id, before, value);
    if (!moved) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    // The mark goes once the totals moved; if this write is lost, the sweep's recount finds them right.
    void this.votes.settled(node._id, actor.id).catch(() => undefined);
    this.trees.put(moved);
    const articleId = String(moved.articleId);
    const { strength } = await this.trees.figuresFor(moved);
    const votes = moved.votes as VoteTotals;
    this.live.voteChanged(articleId, nodeId, { votes, votesVersion: moved.votesVersion, strength });
    return { nodeId, votes, strength, myVote: value };
  }
}
