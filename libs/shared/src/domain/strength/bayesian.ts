import type { VoteTotals } from '../../contracts/rest/nodes.schema';

/** The prior every node starts from: a middling 3 out of 5, worth two votes. */
export const STRENGTH_PRIOR = { mean: 3, weight: 2 } as const;

/**
 * Base score in [0, 1] from 1-5 votes: a Bayesian average pulled toward the prior so that a single
 * vote cannot make a node very strong or very weak, then mapped from [1, 5] onto [0, 1].
 */
export function baseScore(votes: Pick<VoteTotals, 'count' | 'sum'>, prior = STRENGTH_PRIOR): number {
  const count = Math.max(0, votes.count);
  const avg = (prior.mean * prior.weight + votes.sum) / (prior.weight + count);
  return clamp01((avg - 1) / 4);
}

export function clamp01(x: number): number {
  if (!Number.isFinite(x)) return 0;
  return Math.min(1, Math.max(0, x));
}

export function emptyVotes(): VoteTotals {
  return { count: 0, sum: 0, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } };
}

/**
 * The totals after one voter's vote moves from `before` to `after` (null: no vote), so that a stored
 * aggregate can follow a single vote without recounting them all.
 */
export function moveVote(totals: VoteTotals, before: number | null, after: number | null): VoteTotals {
  const histogram = { ...emptyVotes().histogram, ...totals.histogram };
  let { count, sum } = totals;
  if (before !== null) {
    count--;
    sum -= before;
    histogram[String(before) as keyof VoteTotals['histogram']]--;
  }
  if (after !== null) {
    count++;
    sum += after;
    histogram[String(after) as keyof VoteTotals['histogram']]++;
  }
  return { count, sum, histogram };
}
