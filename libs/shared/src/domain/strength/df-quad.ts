import { clamp01 } from './bayesian';

/**
 * DF-QuAD's influence function (Rago, Toni, Aurisicchio & Baroni, KR 2016): the base score moves
 * toward 0 by the attack surplus, or toward 1 by the support surplus, each aggregate in [0, 1].
 * How the aggregates are formed is ours (see nodeStrength): DF-QuAD's probabilistic sum reaches 1 on
 * both sides of a big debate, whatever the votes say, and counts an unrated reply as much as a rated one.
 */
export function combine(base: number, attack: number, support: number): number {
  const b = clamp01(base);
  if (attack >= support) return clamp01(b - b * (attack - support));
  return clamp01(b + (1 - b) * (support - attack));
}

/** Six decimals are plenty for display and keep figures stable across recomputations. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
