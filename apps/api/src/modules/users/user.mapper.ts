import type { PublicUser } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import type { RequestAccount, UserRecord } from './users.repository';

export function toPublicUser(u: UserRecord): PublicUser {
  return {
    id: String(u._id),
    username: u.username,
    role: u.role,
    createdAt: new Date(u.createdAt).toISOString(),
    suspendedUntil: u.suspendedUntil ? new Date(u.suspendedUntil).toISOString() : null,
    banned: !!u.banned,
  };
}

export function toRequestUser(u: RequestAccount): RequestUser {
  return { id: String(u._id), username: u.username, role: u.role, suspendedUntil: u.suspendedUntil, banned: !!u.banned, createdAt: u.createdAt };
}
