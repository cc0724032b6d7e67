import { z } from 'zod';
import { objectIdSchema, plainText } from './common.schema';
import { roleSchema } from './auth.schema';
import type { ArgumentNode, NodeStatus } from './nodes.schema';

export const FLAG_REASONS = ['spam', 'abuse', 'off-topic', 'misinformation', 'other'] as const;
export const flagSchema = z.strictObject({
  reason: z.enum(FLAG_REASONS),
  note: plainText(0, 1000).optional(),
});
export type FlagInput = z.infer<typeof flagSchema>;

export const MODERATION_ACTIONS = ['approve', 'hide', 'remove', 'restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
const reasonSchema = plainText(1, 1000);

/** Why a moderator decided, as a category the author and the audit log can sort by; the text says the rest. */
export const REASON_CODES = ['spam', 'abuse', 'off-topic', 'misinformation', 'illegal', 'other'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
const reasonCodeSchema = z.enum(REASON_CODES).default('other');

export const moderateNodeSchema = z.strictObject({ action: z.enum(MODERATION_ACTIONS), reason: reasonSchema, reasonCode: reasonCodeSchema });
export const lockSchema = z.strictObject({ locked: z.boolean(), reason: reasonSchema.optional(), reasonCode: reasonCodeSchema });
/** Slow mode on a thread: at least `seconds` between one reader's replies beneath it (0 turns it off). */
export const SLOW_MODE_MAX_SECONDS = 86_400;
export const slowModeSchema = z.strictObject({ seconds: z.number().int().min(0).max(SLOW_MODE_MAX_SECONDS), reason: reasonSchema.optional() });
export type SlowModeInput = z.infer<typeof slowModeSchema>;
export const pinSchema = z.strictObject({ pinned: z.boolean(), reason: reasonSchema.optional() });
export const suspendSchema = z.strictObject({
  until: z.iso.datetime({ offset: true }),
  reason: reasonSchema,
  reasonCode: reasonCodeSchema,
});
export const banSchema = z.strictObject({ reason: reasonSchema, reasonCode: reasonCodeSchema });
export const unbanSchema = z.strictObject({ reason: reasonSchema.optional() });
export const roleChangeSchema = z.strictObject({ role: roleSchema, reason: reasonSchema.optional() });

export const QUEUE_STATUSES = ['flagged', 'pending', 'hidden'] as const;
export const queueQuerySchema = z.strictObject({
  status: z.enum(QUEUE_STATUSES).default('flagged'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const AUDIT_ACTIONS = [
  ...MODERATION_ACTIONS,
  'auto-pending',
  'lock',
  'unlock',
  'pin',
  'unpin',
  'slow-mode',
  'suspend',
  'ban',
  'unban',
  'role',
  'appeal-upheld',
  'appeal-overturned',
  'revise',
  'attach-orphan',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The audit log, newest first, narrowed by who acted, whom it concerned, what was done and when. */
export const auditQuerySchema = z
  .strictObject({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The moderator who acted. */
    actorId: objectIdSchema.optional(),
    /** The user the entry concerns (a node's author, or the sanctioned user). */
    userId: objectIdSchema.optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to', path: ['from'] });

export interface FlagView {
  id: string;
  userId: string;
  username: string | null;
  reason: (typeof FLAG_REASONS)[number];
  note: string | null;
  /** What it counts toward the review threshold: its author's trust level and accuracy (see flagWeight). */
  weight: number;
  createdAt: string;
}

export interface QueueItem {
  node: ArgumentNode;
  flags: FlagView[];
  author: { id: string; username: string; suspendedUntil: string | null; banned: boolean } | null;
  authorHistory: AuditEntry[];
}

export interface AuditEntry {
  id: string;
  action: AuditAction;
  actorId: string | null;
  actorName: string | null;
  targetType: 'node' | 'article' | 'user';
  targetId: string;
  /** The user the entry concerns (a node's author, or the user acted on) and their name. */
  subjectUserId: string | null;
  subjectUserName: string | null;
  /** Where to link: the thread (articleId) and the node in it; null for users. */
  articleId: string | null;
  nodeId: string | null;
  /** The start of the node's text, for moderators to recognise it (null for articles and users). */
  excerpt: string | null;
  reason: string | null;
  /** Null for entries from before reason codes and for system actions. */
  reasonCode: ReasonCode | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

export type { NodeStatus };

export type ModerateNodeInput = z.infer<typeof moderateNodeSchema>;
export type LockInput = z.infer<typeof lockSchema>;
export type PinInput = z.infer<typeof pinSchema>;
export type SuspendInput = z.infer<typeof suspendSchema>;
export type BanInput = z.infer<typeof banSchema>;
export type UnbanInput = z.infer<typeof unbanSchema>;
export type RoleChangeInput = z.infer<typeof roleChangeSchema>;
export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type AuditQuery = z.infer<typeof auditQuerySchema>;
