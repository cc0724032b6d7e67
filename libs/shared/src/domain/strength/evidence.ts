import type { VoteTotals } from '../../contracts/rest/nodes.schema';

/**
 * How much readers' ratings let a reply pull on its parent. `half`: the endorsement at which the
 * replies of one side, unopposed, take half the way (see nodeStrength). `unrated`: the endorsement an
 * author's replies are granted before anyone rates them, once per author and parent, however many
 * they post: a flood of unrated replies moves its parent by at most unrated / half of the way.
 */
export const EVIDENCE = { half: 10, unrated: 0.25 } as const;

/**
 * A reply's endorsement: its ratings, each worth 0 (1/5) to 1 (5/5). A rating of 1/5 adds no pull,
 * so a reply rated weak pulls less than one rated strong, and unrated replies none beyond `unrated`.
 * A reader cannot rate their own reply (SELF_VOTE), so this is what other readers said.
 */
export function endorsement(votes: Pick<VoteTotals, 'count' | 'sum'>): number {
  return Math.max(0, (votes.sum - votes.count) / 4);
}
