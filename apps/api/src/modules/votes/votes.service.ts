import { Injectable } from '@nestjs/common';
import { assertCanWrite, DomainError, ERROR_CODES, isPublic, type VoteResponse, type VoteTotals } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { converge } from '../../infra/database/converge';
import { ArticlesRepository } from '../articles/articles.repository';
import { LivePublisher } from '../live/live-publisher';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { NodesService } from '../nodes/nodes.service';
import { StrengthService } from '../nodes/strength.service';
import { VotesRepository } from './votes.repository';

const sameTotals = (a: VoteTotals, b: VoteTotals): boolean =>
  a.count === b.count && a.sum === b.sum && (['1', '2', '3', '4', '5'] as const).every((k) => (a.histogram[k] ?? 0) === (b.histogram[k] ?? 0));

@Injectable()
export class VotesService {
  constructor(
    private readonly votes: VotesRepository,
    private readonly nodes: NodesRepository,
    private readonly nodesService: NodesService,
    private readonly articles: ArticlesRepository,
    private readonly strength: StrengthService,
    private readonly live: LivePublisher,
  ) {}

  async vote(nodeId: string, value: number, actor: RequestUser): Promise<VoteResponse> {
    const node = await this.votableNode(nodeId, actor);
    await this.votes.set(node._id, actor.id, node.articleId, value);
    return this.apply(node, value);
  }

  async withdraw(nodeId: string, actor: RequestUser): Promise<VoteResponse> {
    const node = await this.votableNode(nodeId, actor);
    await this.votes.remove(node._id, actor.id);
    return this.apply(node, null);
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

  /** Brings the node's vote totals and the strengths above it in line with the votes, then tells readers. */
  private async apply(node: NodeRecord, myVote: number | null): Promise<VoteResponse> {
    const votes = await converge({
      observe: async () => {
        const [truth, stored] = await Promise.all([this.votes.tally(node._id), this.nodes.findById(node._id)]);
        return { truth, stored: (stored?.votes as VoteTotals | undefined) ?? null };
      },
      write: (totals) => this.nodes.update(node._id, { $set: { votes: totals } }),
      equal: sameTotals,
    });
    const changes = await this.strength.recomputeFrom(node._id);
    const articleId = String(node.articleId);
    const nodeId = String(node._id);
    this.live.voteChanged(articleId, nodeId, async () => {
      const fresh = await this.nodes.findById(nodeId);
      return fresh ? { votes: fresh.votes as VoteTotals, strength: fresh.strength } : null;
    });
    const ancestors = changes.filter((c) => c.nodeId !== nodeId);
    if (ancestors.length) await this.live.strengthChanged(articleId, ancestors);
    const strength = changes.find((c) => c.nodeId === nodeId)?.strength ?? (await this.nodes.findById(node._id))?.strength ?? node.strength;
    return { nodeId, votes, strength, myVote };
  }
}
