import { clamp01 } from './bayesian';

/**
 * DF-QuAD gradual semantics for bipolar argumentation (Rago, Toni, Aurisicchio & Baroni, KR 2016).
 * Attackers and supporters are each aggregated by probabilistic sum, F(s1..sn) = 1 - Π(1 - si),
 * and the base score moves toward 0 by the attack surplus or toward 1 by the support surplus.
 */
export function aggregate(strengths: readonly number[]): number {
  let product = 1;
  for (const s of strengths) product *= 1 - clamp01(s);
  return 1 - product;
}

export function combine(base: number, attack: number, support: number): number {
  const b = clamp01(base);
  if (attack >= support) return clamp01(b - b * (attack - support));
  return clamp01(b + (1 - b) * (support - attack));
}

export interface StrengthInputs {
  base: number;
  supporters: readonly number[];
  attackers: readonly number[];
}

export interface StrengthResult {
  strength: number;
  supportAggregate: number;
  attackAggregate: number;
}

export function dfQuadStrength({ base, supporters, attackers }: StrengthInputs): StrengthResult {
  const supportAggregate = aggregate(supporters);
  const attackAggregate = aggregate(attackers);
  return { strength: round(combine(base, attackAggregate, supportAggregate)), supportAggregate, attackAggregate };
}

/** Six decimals are plenty for display and keep stored figures stable across recomputations. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
