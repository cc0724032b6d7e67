import type { Role } from '../contracts/rest/auth.schema';
import type { NodeStatus } from '../contracts/rest/nodes.schema';
import { DomainError, ERROR_CODES } from '../errors/error-codes';

/** The facts about a user that permissions depend on. */
export interface Actor {
  id: string;
  role: Role;
  suspendedUntil: Date | string | null;
  banned: boolean;
}

export const isModerator = (actor: Actor | null | undefined): boolean => actor?.role === 'moderator' || actor?.role === 'admin';
export const isAdmin = (actor: Actor | null | undefined): boolean => actor?.role === 'admin';

/** Throws unless the actor may write (post, vote, flag, edit) now. */
export function assertCanWrite(actor: Actor | null | undefined, now = new Date()): asserts actor is Actor {
  if (!actor) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Sign in to take part.');
  if (actor.banned) throw new DomainError(ERROR_CODES.BANNED, 'Your account is banned: you cannot post, vote, flag or edit.');
  if (actor.suspendedUntil) {
    const until = new Date(actor.suspendedUntil);
    if (until.getTime() > now.getTime()) {
      throw new DomainError(
        ERROR_CODES.SUSPENDED,
        `Your account is suspended until ${until.toISOString()}: you cannot post, vote, flag or edit until then.`,
        { until: until.toISOString() },
      );
    }
  }
}

export function assertModerator(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Sign in as a moderator.');
  if (!isModerator(actor)) throw new DomainError(ERROR_CODES.FORBIDDEN, 'Only moderators and admins may do this.');
}

export function assertAdmin(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Sign in as an admin.');
  if (!isAdmin(actor)) throw new DomainError(ERROR_CODES.FORBIDDEN, 'Only admins may do this.');
}

/** Nodes in these statuses count toward strength and public listings. */
export const isPublic = (status: NodeStatus): boolean => status === 'visible';

/** A reader as permissions see them; standing, when known, limits what a moderator's role lets them read. */
export type Reader = Pick<Actor, 'id' | 'role'> & Partial<Pick<Actor, 'banned' | 'suspendedUntil'>>;

/**
 * The role a reader reads with: a banned or suspended moderator or admin reads as a participant, so
 * that a sanction takes moderator-only text away at once (on open sockets too).
 */
export function readingRole(viewer: Reader, now = new Date()): Role {
  if (viewer.role === 'participant') return viewer.role;
  const suspended = !!viewer.suspendedUntil && new Date(viewer.suspendedUntil).getTime() > now.getTime();
  return viewer.banned || suspended ? 'participant' : viewer.role;
}

/**
 * Who may read a node's text: visible text is for everyone; pending and hidden text for its author
 * and moderators; removed text for admins only.
 */
export function canReadText(reader: Reader | null | undefined, node: { status: NodeStatus; authorId: string | null }): boolean {
  const viewer = reader && { id: reader.id, role: readingRole(reader) };
  switch (node.status) {
    case 'visible':
      return true;
    case 'pending':
    case 'hidden':
      return !!viewer && (isModerator(viewer as Actor) || (node.authorId !== null && viewer.id === node.authorId));
    case 'removed':
      return !!viewer && viewer.role === 'admin';
  }
}

/** Who may see that a non-visible node exists at all in a listing. */
export function canSeeNonPublic(reader: Reader | null | undefined, node: { authorId: string | null }): boolean {
  const viewer = reader && { id: reader.id, role: readingRole(reader) };
  return !!viewer && (isModerator(viewer as Actor) || (node.authorId !== null && viewer.id === node.authorId));
}
