import { z } from 'zod';
import type { Role } from './auth.schema';
import { plainText } from './common.schema';
import type { AuditEntry } from './moderation.schema';

/** Moderators find users by the start of their name. */
export const userDirectoryQuerySchema = z.strictObject({
  q: z.string().max(40).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type UserDirectoryQuery = z.infer<typeof userDirectoryQuerySchema>;

/** A user's standing as moderators see it. */
export interface UserStanding {
  id: string;
  username: string;
  role: Role;
  createdAt: string;
  suspendedUntil: string | null;
  suspendReason: string | null;
  banned: boolean;
  banReason: string | null;
}

/** A flag readers raised against one of the user's posts. */
export interface FlagAgainst {
  id: string;
  nodeId: string;
  articleId: string;
  reason: string;
  note: string | null;
  username: string | null;
  status: 'open' | 'resolved';
  createdAt: string;
}

/** A moderator's private note on a user: never shown to anyone but moderators. */
export interface ModeratorNote {
  id: string;
  userId: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}
export const moderatorNoteSchema = z.strictObject({ text: plainText(1, 2000) });
export type ModeratorNoteInput = z.infer<typeof moderatorNoteSchema>;

/** Everything a moderator needs to decide about a user: standing, what was done, what readers flagged, notes. */
export interface UserDossier {
  user: UserStanding;
  history: AuditEntry[];
  flags: FlagAgainst[];
  notes: ModeratorNote[];
}
