import { Injectable } from '@nestjs/common';
import {
  assertAdmin,
  assertCanWrite,
  assertMayChangeRole,
  assertMaySanction,
  assertModerator,
  assertSuspensionEnd,
  DomainError,
  ERROR_CODES,
  type AuditAction,
  type BanInput,
  type PublicUser,
  type ReasonCode,
  type SuspendInput,
  type Role,
} from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { AuditRepository } from '../audit/audit.repository';
import { toPublicUser } from '../users/user.mapper';
import { UsersRepository, type UserRecord } from '../users/users.repository';

type Sanctions = Parameters<UsersRepository['update']>[1];

/** The facts about a user a moderation entry records before and after. */
const standing = (u: UserRecord): Record<string, unknown> => ({
  role: u.role,
  suspendedUntil: u.suspendedUntil ? new Date(u.suspendedUntil).toISOString() : null,
  banned: !!u.banned,
});

/**
 * Suspensions, bans and roles. The auth guard reloads the user on every request, so each change
 * takes effect on the user's next request, and open sockets are told (see AccountChanges).
 */
@Injectable()
export class UserModerationService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
  ) {}

  async suspend(userId: string, { until, reason, reasonCode }: SuspendInput, actor: RequestUser): Promise<PublicUser> {
    assertModerator(actor);
    assertCanWrite(actor);
    const target = await this.load(userId);
    assertMaySanction(actor, { id: userId, role: target.role });
    const end = new Date(until);
    assertSuspensionEnd(end);
    return this.apply(target, { suspendedUntil: end, suspendReason: reason }, 'suspend', reason, actor, reasonCode);
  }

  async ban(userId: string, { reason, reasonCode }: BanInput, actor: RequestUser): Promise<PublicUser> {
    assertModerator(actor);
    assertCanWrite(actor);
    const target = await this.load(userId);
    assertMaySanction(actor, { id: userId, role: target.role });
    return this.apply(target, { banned: true, banReason: reason }, 'ban', reason, actor, reasonCode);
  }

  /** Lifts a ban and any suspension. */
  async unban(userId: string, reason: string | undefined, actor: RequestUser): Promise<PublicUser> {
    assertModerator(actor);
    assertCanWrite(actor);
    const target = await this.load(userId);
    assertMaySanction(actor, { id: userId, role: target.role });
    return this.apply(target, { banned: false, banReason: null, suspendedUntil: null, suspendReason: null }, 'unban', reason ?? null, actor);
  }

  async changeRole(userId: string, role: Role, reason: string | undefined, actor: RequestUser): Promise<PublicUser> {
    assertAdmin(actor);
    assertCanWrite(actor);
    const target = await this.load(userId);
    const admins = target.role === 'admin' ? await this.users.countByRole('admin') : 0;
    assertMayChangeRole(actor, { id: userId, role: target.role }, role, admins);
    // Conditional on the role read above; the repository keeps the last admin (see changeRole there).
    const updated = await this.users.changeRole(userId, target.role, role);
    if (!updated) throw new DomainError(ERROR_CODES.FORBIDDEN, "This account's role changed meanwhile; look again before changing it.");
    return this.record(target, updated, 'role', reason ?? null, actor);
  }

  private async apply(target: UserRecord, set: Sanctions, action: AuditAction, reason: string | null, actor: RequestUser, reasonCode?: ReasonCode): Promise<PublicUser> {
    const updated = await this.users.update(String(target._id), set);
    if (!updated) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such user.');
    return this.record(target, updated, action, reason, actor, reasonCode);
  }

  private async record(target: UserRecord, updated: UserRecord, action: AuditAction, reason: string | null, actor: RequestUser, reasonCode?: ReasonCode): Promise<PublicUser> {
    await this.audit.record({
      action,
      actorId: actor.id,
      actorName: actor.username,
      targetType: 'user',
      targetId: target._id,
      subjectUserId: target._id,
      subjectUserName: target.username,
      reason,
      reasonCode: reasonCode ?? null,
      before: standing(target),
      after: standing(updated),
    });
    return toPublicUser(updated);
  }

  private async load(userId: string): Promise<UserRecord> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such user.');
    return user;
  }
}
