import type { NodeType, VoteTotals } from '../../contracts/rest/nodes.schema';
import { baseScore } from './bayesian';
import { dfQuadStrength, type StrengthResult } from './df-quad';

export interface ChildStrength {
  type: NodeType;
  strength: number;
  /** The article's own sentences are grouped; readers' replies count one by one. */
  origin?: 'article' | 'user';
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Strength of one node from its votes and its publicly visible children. Rebuttals attack; supports,
 * and the paragraph claims beneath the article's thesis, support.
 *
 * A justified variant of DF-QuAD: a paragraph's own sentences are its content rather than independent
 * evidence, so those of one role count together as a single argument whose strength is their mean.
 * Otherwise a long paragraph would saturate at full strength before anyone had voted.
 */
export function nodeStrength(votes: Pick<VoteTotals, 'count' | 'sum'>, children: readonly ChildStrength[]): StrengthResult & { base: number } {
  const base = baseScore(votes);
  const supporters: number[] = [];
  const attackers: number[] = [];
  const own: Record<'support' | 'rebuttal', number[]> = { support: [], rebuttal: [] };
  for (const child of children) {
    const attacks = child.type === 'rebuttal';
    if (child.origin === 'article' && child.type !== 'claim') own[attacks ? 'rebuttal' : 'support'].push(child.strength);
    else (attacks ? attackers : supporters).push(child.strength);
  }
  if (own.support.length) supporters.push(mean(own.support));
  if (own.rebuttal.length) attackers.push(mean(own.rebuttal));
  return { base, ...dfQuadStrength({ base, supporters, attackers }) };
}
