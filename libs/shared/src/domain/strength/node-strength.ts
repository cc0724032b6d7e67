import type { NodeType, VoteTotals } from '../../contracts/rest/nodes.schema';
import { baseScore } from './bayesian';
import { combine, round } from './df-quad';
import { endorsement, EVIDENCE } from './evidence';

/** What a child gives its parent's strength. */
export interface ChildStrength {
  type: NodeType;
  origin: 'article' | 'user';
  /** Replies of one author to one parent share one allowance for being unrated (see EVIDENCE). */
  authorId: string | null;
  /** The child's own ratings: the evidence behind its pull. */
  votes: Pick<VoteTotals, 'count' | 'sum'>;
  strength: number;
  /** A paragraph claim's stance toward the thesis: one against it attacks it. */
  stance?: 'for' | 'against' | null;
}

/** Whether a child takes a side at all: a comment (a question or remark) neither supports nor attacks. */
export const weighs = (c: Pick<ChildStrength, 'type'>): boolean => c.type !== 'comment';

/** Whether a child attacks its parent: a rebuttal, or a paragraph claim that argues against the thesis. */
export const attacks = (c: Pick<ChildStrength, 'type' | 'stance'>): boolean => c.type === 'rebuttal' || (c.type === 'claim' && c.stance === 'against');

export interface StrengthResult {
  strength: number;
  /** From the node's own ratings alone (Bayesian average). */
  base: number;
  /** Each child's signed share of `strength - base`, in the order given: they add up to it exactly. */
  pulls: number[];
}

/** Children that pull together: the article's own sentences of one role, or one author's replies of one type. */
const groupOf = (c: ChildStrength): string => (c.origin === 'article' ? `article:${c.type}:${attacks(c) ? 'against' : 'for'}` : `user:${c.type}:${c.authorId ?? ''}`);

/**
 * Strength of one node from its own ratings and its public children: evidence-weighted DF-QuAD.
 * Rebuttals attack, and so do the paragraph claims that argue against the article's thesis; supports
 * and the other paragraph claims support; comments weigh nothing (their pull is 0).
 *
 * Each child pulls with its strength times its endorsement (readers' ratings of it), plus, once per
 * group (see groupOf), the strongest member's strength times the small unrated allowance. A side's
 * aggregate is its pull over both sides' pull plus EVIDENCE.half, so that:
 * - an unrated reply, or a flood of them from one account, barely moves its parent;
 * - the aggregates follow the balance of the evidence, not the number of replies, and never both
 *   saturate: equal pulls cancel exactly (balance);
 * - a stronger or better-rated supporter never lowers the node, an attacker never raises it
 *   (monotonicity), and only the node's own subtree moves it (directionality).
 */
export function nodeStrength(votes: Pick<VoteTotals, 'count' | 'sum'>, children: readonly ChildStrength[]): StrengthResult {
  const base = baseScore(votes);
  const masses = children.map((c) => (weighs(c) ? endorsement(c.votes) * clamp(c.strength) : 0));
  const strongest = new Map<string, number>();
  children.forEach((c, i) => {
    if (!weighs(c)) return;
    const key = groupOf(c);
    const held = strongest.get(key);
    if (held === undefined || clamp(c.strength) > clamp(children[held].strength)) strongest.set(key, i);
  });
  for (const i of strongest.values()) masses[i] += EVIDENCE.unrated * clamp(children[i].strength);
  let support = 0;
  let attack = 0;
  children.forEach((c, i) => {
    if (attacks(c)) attack += masses[i];
    else support += masses[i];
  });
  const total = support + attack + EVIDENCE.half;
  const strength = combine(base, attack / total, support / total);
  // combine is linear in (attack - support) on each side of zero, so each child's share is its own pull scaled alike.
  const scale = (attack >= support ? base : 1 - base) / total;
  const pulls = children.map((c, i) => (attacks(c) ? -1 : 1) * masses[i] * scale);
  return { strength: round(strength), base, pulls };
}

const clamp = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
