import type { VoteTotals } from '../../contracts/rest/nodes.schema';
import { nodeStrength, weighs, type ChildStrength } from './node-strength';

/** A node's strength in whole points, split so the parts add up to what is shown. */
export interface StrengthPoints {
  /** Math.round(strength × 100). */
  total: number;
  /** What its own ratings alone give it. */
  own: number;
  /** Each child that moved it by a point or more (`index` into the children given), largest first. */
  children: { index: number; points: number }[];
  /** The other children that weigh in it (not comments), each under a point, together. */
  others: { count: number; points: number };
}

/**
 * The parts of a node's strength in points: its own ratings' and each child's pull (see nodeStrength),
 * rounded by largest remainder so that they add up to the rounded strength exactly.
 */
export function strengthPoints(votes: Pick<VoteTotals, 'count' | 'sum'>, children: readonly ChildStrength[]): StrengthPoints {
  const { strength, base, pulls } = nodeStrength(votes, children);
  const listed = pulls.map((p, index) => ({ index, raw: p * 100 })).filter((p) => Math.abs(p.raw) >= 1);
  const small = pulls.map((p) => p * 100).filter((p, i) => Math.abs(p) < 1 && weighs(children[i]));
  const raws = [base * 100, ...listed.map((p) => p.raw), small.reduce((a, b) => a + b, 0)];
  const total = Math.round(strength * 100);
  const parts = largestRemainder(raws, total);
  const out = listed.map((p, i) => ({ index: p.index, points: parts[i + 1] }));
  out.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.index - b.index);
  return { total, own: parts[0], children: out, others: { count: small.length, points: parts[parts.length - 1] } };
}

/** Integers as near `raws` as can be that sum to `total`: each rounded down, the rest given to the largest remainders. */
function largestRemainder(raws: readonly number[], total: number): number[] {
  const parts = raws.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raws.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length, left++) parts[order[k].i]--;
  return parts;
}
