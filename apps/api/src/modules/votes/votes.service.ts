import { Injectable } from '@nestjs/common';
import { assertCanWrite, DomainError, ERROR_CODES, isPublic, type VoteResponse, type VoteTotals } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { ArticlesRepository } from '../articles/articles.repository';
import { LivePublisher } from '../live/live-publisher';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { NodesService } from '../nodes/nodes.service';
import { StrengthService } from '../nodes/strength.service';
import { VotesRepository } from './votes.repository';

/** The $inc that turns the aggregates with `before` into those with `after` (null: no vote). */
export function voteDelta(before: number | null, after: number | null): Record<string, number> {
  const inc: Record<string, number> = {};
  const add = (key: string, n: number) => (inc[key] = (inc[key] ?? 0) + n);
  if (before !== null) {
    add('votes.count', -1);
    add('votes.sum', -before);
    add(`votes.histogram.${before}`, -1);
  }
  if (after !== null) {
    add('votes.count', 1);
    add('votes.sum', after);
    add(`votes.histogram.${after}`, 1);
  }
  for (const key of Object.keys(inc)) if (inc[key] === 0) delete inc[key];
  return inc;
}

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
    const before = await this.votes.upsert(node._id, actor.id, node.articleId, value);
    return this.apply(node, before, value);
  }

  async withdraw(nodeId: string, actor: RequestUser): Promise<VoteResponse> {
    const node = await this.votableNode(nodeId, actor);
    const before = await this.votes.remove(node._id, actor.id);
    return this.apply(node, before, null);
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

  private async apply(node: NodeRecord, before: number | null, after: number | null): Promise<VoteResponse> {
    const inc = voteDelta(before, after);
    let current: NodeRecord | null = node;
    if (Object.keys(inc).length) {
      current = await this.nodes.update(node._id, { $inc: inc });
      if (!current) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
      const changes = await this.strength.recomputeFrom(node._id);
      const articleId = String(node.articleId);
      const nodeId = String(node._id);
      this.live.voteChanged(articleId, nodeId, async () => {
        const fresh = await this.nodes.findById(nodeId);
        return fresh ? { votes: fresh.votes as VoteTotals, strength: fresh.strength } : null;
      });
      const ancestors = changes.filter((c) => c.nodeId !== nodeId);
      if (ancestors.length) await this.live.strengthChanged(articleId, ancestors);
      const own = changes.find((c) => c.nodeId === nodeId);
      if (own) current = { ...current, strength: own.strength };
    }
    return { nodeId: String(node._id), votes: current.votes as VoteTotals, strength: current.strength, myVote: after };
  }
}
