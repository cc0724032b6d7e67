import { z } from 'zod';
import type { ReasonCode } from './moderation.schema';

export const NOTIFICATION_KINDS = ['reply', 'votes', 'moderation', 'mention'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Something that happened to a reader's arguments, or that named them. */
export interface Notification {
  id: string;
  kind: NotificationKind;
  /** reply, mention: the new node; votes, moderation: the reader's own node. */
  nodeId: string;
  articleId: string;
  /** Who did it (null for votes, which are summarised, and for automatic decisions). */
  actorName: string | null;
  /**
   * What to show, as plain text: the reply's or mention's text (an excerpt; empty when that node is no
   * longer visible to the reader), the summary of votes, or the moderation decision with its reason.
   */
  text: string;
  /** moderation: the category of the decision's reason (null when none was given). */
  reasonCode?: ReasonCode | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: Notification[];
  unread: number;
  nextCursor: string | null;
}

export const notificationsQuerySchema = z.strictObject({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type NotificationsQuery = z.infer<typeof notificationsQuerySchema>;

/** Marks some of the reader's notifications read (`ids`), or all of them (`all: true`). */
export const markNotificationsReadSchema = z
  .strictObject({
    ids: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
    // A boolean rather than a literal: OpenAPI 3.0 has no `const`.
    all: z.boolean().optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined) && v.all !== false, 'give either ids or all: true');
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>;
