import { z } from 'zod';
import type { AuditEntry } from './moderation.schema';
import type { NodeStatus, NodeType } from './nodes.schema';
import type { Role } from './auth.schema';
import { usernameSchema } from './auth.schema';

export const usernameParamSchema = z.strictObject({ username: usernameSchema });
export type UsernameParam = z.infer<typeof usernameParamSchema>;

/** One of a reader's arguments as their profile lists it. */
export interface ProfileArgument {
  id: string;
  articleId: string;
  articleTitle: string;
  type: NodeType;
  text: string;
  status: NodeStatus;
  strength: number;
  /** Whether anyone has rated it or anything beneath it. */
  rated: boolean;
  votes: { count: number; mean: number | null };
  createdAt: string;
}

export type Standing = 'active' | 'suspended' | 'banned';

/** `GET /api/users/:username`: what anyone may see of a reader, and more for moderators. */
export interface UserProfile {
  username: string;
  role: Role;
  joinedAt: string;
  standing: Standing;
  stats: {
    /** Public arguments (the owner and moderators also count their pending and hidden ones). */
    arguments: number;
    /** Ratings others gave them, and their mean (1–5), over the arguments listed. */
    votesReceived: number;
    meanRating: number | null;
    /** The mean strength of their public arguments, 0–1. */
    meanStrength: number | null;
  };
  /** Newest first, at most 100. */
  arguments: ProfileArgument[];
  /** Moderators only: flags on their posts and the decisions about them. */
  moderation?: { flagsReceived: number; suspendedUntil: string | null; history: AuditEntry[] };
}
