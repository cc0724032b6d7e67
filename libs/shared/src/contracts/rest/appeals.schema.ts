import { z } from 'zod';
import { plainText } from './common.schema';
import type { ReasonCode } from './moderation.schema';

/** An author's request that another moderator look again at a decision on their post. */
export const appealSchema = z.strictObject({ statement: plainText(1, 2000) });
export type AppealInput = z.infer<typeof appealSchema>;

export const APPEAL_OUTCOMES = ['uphold', 'overturn'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const decideAppealSchema = z.strictObject({ outcome: z.enum(APPEAL_OUTCOMES), reason: plainText(1, 1000) });
export type DecideAppealInput = z.infer<typeof decideAppealSchema>;

export const APPEAL_STATUSES = ['open', 'upheld', 'overturned'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const appealsQuerySchema = z.strictObject({
  status: z.enum(APPEAL_STATUSES).default('open'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AppealsQuery = z.infer<typeof appealsQuerySchema>;

export interface AppealView {
  id: string;
  /** The audit entry of the decision appealed. */
  decisionId: string;
  nodeId: string;
  articleId: string;
  /** The start of the post's text. */
  excerpt: string;
  authorId: string;
  authorName: string | null;
  /** The decision: what was done, by whom and why. */
  action: 'hide' | 'remove';
  decidedById: string | null;
  decidedByName: string | null;
  reason: string | null;
  reasonCode: ReasonCode | null;
  statement: string;
  status: AppealStatus;
  /** Once decided: by whom (never the moderator who made the decision) and why. */
  resolvedByName: string | null;
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
}
