import type { GroupTotals, OpinionGroup } from '@agora/shared';

/**
 * One article's opinion groups, as last computed by whichever instance claimed the job (see
 * PerspectivesJob). What cannot be recomputed cheaply is stored; each group's strengths follow from
 * `totals` and the tree at read time, so replies posted since are shown without a recomputation.
 */
export interface PerspectiveRecord {
  /** The article's id. */
  _id: string;
  /** Moves with each computation saved. */
  version: number;
  /** The article's live seq whose votes the computation read (−1: none yet). */
  seq: number;
  /** Until when the instance that claimed the job may compute undisturbed: the claim lapses if it dies. */
  claimedUntil: Date;
  /** Which claim the result must come from to be saved. */
  claimedBy: string | null;
  computedAt: Date | null;
  /** Every group found, small ones included (they are hidden when read). */
  groups: OpinionGroup[];
  /** Reader id → group id: never served, but a reader's own group. */
  members: Record<string, string>;
  /** Node id → group id → the group's vote totals on the node. */
  totals: GroupTotals;
}
