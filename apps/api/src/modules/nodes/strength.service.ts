import { Injectable } from '@nestjs/common';
import { DomainError, ERROR_CODES, nodeStrength, STRENGTH_PRIOR, type StrengthBreakdown, type VoteTotals } from '@agora/shared';
import type { Types } from 'mongoose';
import type { NodeRecord } from './node.model';
import { NodesRepository } from './nodes.repository';

export interface StrengthChange {
  nodeId: string;
  strength: number;
}

/** Keeps every node's stored strength equal to DF-QuAD over its votes and its public children. */
@Injectable()
export class StrengthService {
  constructor(private readonly nodes: NodesRepository) {}

  /**
   * Recomputes the node and then each ancestor in turn, stopping where nothing moved: a node whose
   * strength is unchanged cannot change its parent. Returns the nodes whose strength changed. Each
   * step reads and writes under the node's write lock, so concurrent recomputations of one node take
   * turns and the last one reads everything the others wrote: none leaves a figure from older votes.
   */
  async recomputeFrom(start: Types.ObjectId | null): Promise<StrengthChange[]> {
    const changes: StrengthChange[] = [];
    let id: Types.ObjectId | null = start;
    while (id) {
      const result = await this.nodes.recomputeStrength(id, (node, children) => nodeStrength(node.votes, children).strength);
      if (!result || result.strength === result.node.strength) break;
      changes.push({ nodeId: String(id), strength: result.strength });
      id = result.node.parentId;
    }
    return changes;
  }

  /** The figures behind a node's strength, for a reader to follow. */
  async breakdown(node: NodeRecord): Promise<StrengthBreakdown> {
    if (!node) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    const children = await this.nodes.findPublicChildStrengths(node._id);
    const result = nodeStrength(node.votes, children);
    const votes = node.votes as VoteTotals;
    const avg = votes.count ? (votes.sum / votes.count).toFixed(2) : 'none';
    return {
      nodeId: String(node._id),
      strength: result.strength,
      base: result.base,
      votes,
      prior: { ...STRENGTH_PRIOR },
      supportAggregate: result.supportAggregate,
      attackAggregate: result.attackAggregate,
      children: children.map((c) => ({
        nodeId: String(c._id),
        type: c.type,
        role: c.type === 'rebuttal' ? 'attacker' : 'supporter',
        strength: c.strength,
      })),
      explanation:
        `Base ${result.base.toFixed(3)} from ${votes.count} vote(s) (average ${avg}) pulled toward a prior of ` +
        `${STRENGTH_PRIOR.mean}/5 worth ${STRENGTH_PRIOR.weight} votes; supporters combine to ${result.supportAggregate.toFixed(3)}, ` +
        `attackers to ${result.attackAggregate.toFixed(3)}; DF-QuAD moves the base ` +
        (result.attackAggregate >= result.supportAggregate ? 'down' : 'up') +
        ` by the difference, giving ${result.strength.toFixed(3)}.` +
        (children.some((c) => c.origin === 'article') ? " The article's own sentences of each role count together as one argument, their mean." : ''),
    };
  }
}
