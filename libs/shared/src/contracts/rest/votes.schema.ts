import { z } from 'zod';
import type { NodeType, VoteTotals } from './nodes.schema';

export const voteSchema = z.strictObject({ value: z.number().int().min(1).max(5) });
export type VoteInput = z.infer<typeof voteSchema>;

export interface VoteResponse {
  nodeId: string;
  votes: VoteTotals;
  strength: number;
  /** Whether anyone has rated the node or anything beneath it. */
  rated: boolean;
  /** The caller's own vote after the change, or null when withdrawn. */
  myVote: number | null;
}

/** How readers rated one node: how many, and their mean on the 1–5 scale (null: nobody yet). */
export interface RatingSummary {
  count: number;
  average: number | null;
}

/** One reply's part in its parent's strength. */
export interface StrengthReplyShare {
  nodeId: string;
  type: NodeType;
  role: 'supporter' | 'attacker';
  /** The reply's opening words as any reader may see them ('' when withdrawn). */
  excerpt: string;
  authorName: string | null;
  /** Whole points it adds to the strength shown (negative: takes away). */
  points: number;
  rating: RatingSummary;
}

/**
 * Why a node has the strength shown, in whole points that add up to it:
 * `points === own.points + Σ replies[].points + others.points`.
 */
export interface StrengthBreakdown {
  nodeId: string;
  strength: number;
  rated: boolean;
  /** The strength shown, in points (percent). */
  points: number;
  /** Its own ratings, and the points they alone give it (50 before anyone rates it). */
  own: RatingSummary & { points: number };
  /** Every reply that moved it by a point or more, largest pull first. */
  replies: StrengthReplyShare[];
  /** The replies that moved it by less than a point each, together. */
  others: { count: number; points: number };
  /** The same in plain words, sentence by sentence. */
  explanation: string[];
}

/** The caller's own vote on one node. */
export interface MyVote {
  /** 1 to 5, or null when they have not rated it. */
  value: number | null;
  /** When they last cast it (ISO 8601), or null. */
  ratedAt: string | null;
  /** Whether the node's text was edited after they rated it: they rated an earlier version. */
  onEarlierVersion: boolean;
}
