import { z } from 'zod';

export const ROLES = ['participant', 'moderator', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

export const credentialsSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().min(8).max(200),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** A signed-in user's new password; its strength is checked by the server (zxcvbn). */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export interface PublicUser {
  id: string;
  username: string;
  role: Role;
  createdAt: string;
  /** ISO date until which the user may not write, or null. */
  suspendedUntil: string | null;
  banned: boolean;
}

export interface AuthResponse {
  token: string;
  user: PublicUser;
}
