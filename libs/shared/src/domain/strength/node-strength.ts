import type { NodeType, VoteTotals } from '../../contracts/rest/nodes.schema';
import { baseScore } from './bayesian';
import { dfQuadStrength, type StrengthResult } from './df-quad';

export interface ChildStrength {
  type: NodeType;
  strength: number;
}

/**
 * Strength of one node from its votes and its publicly visible children. Rebuttals attack; supports,
 * and the paragraph claims beneath the article's thesis, support.
 */
export function nodeStrength(votes: Pick<VoteTotals, 'count' | 'sum'>, children: readonly ChildStrength[]): StrengthResult & { base: number } {
  const base = baseScore(votes);
  const supporters: number[] = [];
  const attackers: number[] = [];
  for (const child of children) (child.type === 'rebuttal' ? attackers : supporters).push(child.strength);
  return { base, ...dfQuadStrength({ base, supporters, attackers }) };
}
