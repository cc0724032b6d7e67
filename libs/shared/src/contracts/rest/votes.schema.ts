import { z } from 'zod';
import type { VoteTotals } from './nodes.schema';

export const voteSchema = z.strictObject({ value: z.number().int().min(1).max(5) });
export type VoteInput = z.infer<typeof voteSchema>;

export interface VoteResponse {
  nodeId: string;
  votes: VoteTotals;
  strength: number;
  /** The caller's own vote after the change, or null when withdrawn. */
  myVote: number | null;
}

export interface StrengthContribution {
  nodeId: string;
  type: 'support' | 'rebuttal' | 'claim';
  role: 'supporter' | 'attacker';
  strength: number;
}

export interface StrengthBreakdown {
  nodeId: string;
  strength: number;
  base: number;
  votes: VoteTotals;
  prior: { mean: number; weight: number };
  /** Aggregated strength of the supporters and of the attackers (DF-QuAD). */
  supportAggregate: number;
  attackAggregate: number;
  children: StrengthContribution[];
  explanation: string;
}
