import { z } from 'zod';
import { plainText } from './common.schema';
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

export const moderateNodeSchema = z.strictObject({ action: z.enum(MODERATION_ACTIONS), reason: reasonSchema });
export const lockSchema = z.strictObject({ locked: z.boolean(), reason: reasonSchema.optional() });
export const pinSchema = z.strictObject({ pinned: z.boolean(), reason: reasonSchema.optional() });
export const suspendSchema = z.strictObject({
  until: z.iso.datetime({ offset: true }),
  reason: reasonSchema,
});
export const banSchema = z.strictObject({ reason: reasonSchema });
export const unbanSchema = z.strictObject({ reason: reasonSchema.optional() });
export const roleChangeSchema = z.strictObject({ role: roleSchema, reason: reasonSchema.optional() });

export const QUEUE_STATUSES = ['flagged', 'pending', 'hidden'] as const;
export const queueQuerySchema = z.strictObject({
  status: z.enum(QUEUE_STATUSES).default('flagged'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const auditQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface FlagView {
  id: string;
  userId: string;
  username: string | null;
  reason: (typeof FLAG_REASONS)[number];
  note: string | null;
  createdAt: string;
}

export interface QueueItem {
  node: ArgumentNode;
  flags: FlagView[];
  author: { id: string; username: string; suspendedUntil: string | null; banned: boolean } | null;
  authorHistory: AuditEntry[];
}

export type AuditAction =
  | ModerationAction
  | 'auto-pending'
  | 'lock'
  | 'unlock'
  | 'pin'
  | 'unpin'
  | 'suspend'
  | 'ban'
  | 'unban'
  | 'role'
  | 'revise'
  | 'attach-orphan';

export interface AuditEntry {
  id: string;
  action: AuditAction;
  actorId: string | null;
  actorName: string | null;
  targetType: 'node' | 'article' | 'user';
  targetId: string;
  reason: string | null;
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
