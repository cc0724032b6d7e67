import type { Role } from '../../contracts/rest/auth.schema';
import { DomainError, ERROR_CODES } from '../../errors/error-codes';
import { assertAdmin, assertModerator, type Actor } from '../permissions';

/**
 * Who may suspend, ban or unban whom: moderators act on participants only; admins also on moderators.
 * Admins are never sanctioned (demote first), and nobody sanctions themselves.
 */
export function assertMaySanction(actor: Actor | null | undefined, target: { id: string; role: Role }): asserts actor is Actor {
  assertModerator(actor);
  if (actor.id === target.id) throw new DomainError(ERROR_CODES.FORBIDDEN, 'You cannot suspend, ban or unban yourself.');
  switch (target.role) {
    case 'participant':
      return;
    case 'moderator':
      if (actor.role !== 'admin') throw new DomainError(ERROR_CODES.FORBIDDEN, 'Only admins may suspend, ban or unban a moderator.');
      return;
    case 'admin':
      throw new DomainError(ERROR_CODES.FORBIDDEN, 'Admins cannot be suspended or banned; change their role first.');
  }
}

/** Admins change roles, but the last admin may not stop being one: someone must be able to appoint others. */
export function assertMayChangeRole(actor: Actor | null | undefined, target: { id: string; role: Role }, newRole: Role, adminCount: number): asserts actor is Actor {
  assertAdmin(actor);
  if (target.role === 'admin' && newRole !== 'admin' && adminCount <= 1) {
    throw new DomainError(ERROR_CODES.FORBIDDEN, 'This is the last admin: appoint another admin before changing this role.');
  }
}

/** A suspension must end in the future. */
export function assertSuspensionEnd(until: Date, now = new Date()): void {
  if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime()) {
    throw new DomainError(ERROR_CODES.VALIDATION, 'A suspension must end in the future.', { until: until.toISOString?.() ?? null });
  }
}
