import type { Role } from '../contracts/rest/auth.schema';
import type { NodeStatus, NodeType } from '../contracts/rest/nodes.schema';
import { DomainError, ERROR_CODES, type ErrorCode } from '../errors/error-codes';

/** The facts about a user that permissions depend on. */
export interface Actor {
  id: string;
  role: Role;
  suspendedUntil: Date | string | null;
  banned: boolean;
}

export const isModerator = (actor: Actor | null | undefined): boolean => actor?.role === 'moderator' || actor?.role === 'admin';
export const isAdmin = (actor: Actor | null | undefined): boolean => actor?.role === 'admin';

/** Why an action is refused, as the server answers it and the client shows it before any click. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  /** When a suspension ends (ISO). */
  until?: string;
}

/** How a refusal shows a time: ISO on the server, the reader's local time in the client. */
export type TimeFormat = (date: Date) => string;
const isoTime: TimeFormat = (d) => d.toISOString();

/** Why the actor may not write (post, vote, flag, edit) now, or null when they may. */
export function writeRefusal(actor: Actor | null | undefined, now = new Date(), time: TimeFormat = isoTime): Refusal | null {
  if (!actor) return { code: ERROR_CODES.UNAUTHENTICATED, message: 'Sign in to take part.' };
  if (actor.banned) return { code: ERROR_CODES.BANNED, message: 'Your account is banned: you cannot post, vote, flag or edit.' };
  if (actor.suspendedUntil) {
    const until = new Date(actor.suspendedUntil);
    if (until.getTime() > now.getTime()) {
      return { code: ERROR_CODES.SUSPENDED, message: `Your account is suspended until ${time(until)}: you cannot post, vote, flag or edit until then.`, until: until.toISOString() };
    }
  }
  return null;
}

/** Throws unless the actor may write (post, vote, flag, edit) now. */
export function assertCanWrite(actor: Actor | null | undefined, now = new Date()): asserts actor is Actor {
  refuse(writeRefusal(actor, now));
}

/** `edit` and `withdraw`: of one's own argument. */
export type NodeAction = 'reply' | 'vote' | 'flag' | 'edit' | 'withdraw';

/** The facts about a node, its thread and its article that what may be done to it depends on. */
export interface NodeSituation {
  node: { type: NodeType; status: NodeStatus; authorId: string | null; withdrawn: boolean };
  articleLocked: boolean;
  /** The node or one above it is locked. */
  threadLocked: boolean;
}

const NOT_AUTHOR: Refusal = { code: ERROR_CODES.FORBIDDEN, message: 'Only its author may change this node.' };
// One message for every action, so that a page shows the reason once.
const WITHDRAWN_REFUSAL: Refusal = { code: ERROR_CODES.WITHDRAWN, message: 'Its author withdrew this argument: it takes no replies, votes or flags.' };

/**
 * Why the actor may not reply to, vote on, flag, edit or withdraw a node now, or null when they may: the same answer
 * the server gives (it throws it, see assertMay) and the client shows beside a disabled control.
 */
export function nodeActionRefusal(action: NodeAction, actor: Actor | null | undefined, situation: NodeSituation, now = new Date(), time: TimeFormat = isoTime): Refusal | null {
  const standing = writeRefusal(actor, now, time);
  if (standing) return standing;
  const { node } = situation;
  const own = node.authorId !== null && node.authorId === actor!.id;
  const locked =
    action === 'flag' ? null
    : situation.articleLocked ? { code: ERROR_CODES.LOCKED, message: 'This article is locked: no new replies or votes.' }
    : situation.threadLocked ? { code: ERROR_CODES.LOCKED, message: 'This thread is locked: no new replies or votes.' }
    : null;
  switch (action) {
    case 'reply':
      if (node.withdrawn) return WITHDRAWN_REFUSAL;
      return locked;
    case 'vote':
      if (!isPublic(node.status)) return { code: ERROR_CODES.FORBIDDEN, message: 'Only published nodes can be voted on.' };
      if (node.withdrawn) return WITHDRAWN_REFUSAL;
      if (own) return { code: ERROR_CODES.SELF_VOTE, message: 'You cannot vote on your own argument.' };
      if (node.type === 'comment') return { code: ERROR_CODES.FORBIDDEN, message: 'A comment is not rated: it asks or remarks, it does not argue.' };
      return locked;
    case 'flag':
      if (own) return { code: ERROR_CODES.FORBIDDEN, message: 'You cannot flag your own argument.' };
      if (!isPublic(node.status)) return { code: ERROR_CODES.FORBIDDEN, message: 'Only published nodes can be flagged.' };
      if (node.withdrawn) return WITHDRAWN_REFUSAL;
      return null;
    case 'edit':
      if (!own) return NOT_AUTHOR;
      if (node.withdrawn) return { code: ERROR_CODES.WITHDRAWN, message: 'A withdrawn node cannot be edited.' };
      if (situation.threadLocked) return { code: ERROR_CODES.LOCKED, message: 'This thread is locked: it cannot be edited.' };
      return null;
    case 'withdraw':
      return own ? null : NOT_AUTHOR;
  }
}

/** Throws the refusal, if any, as the domain error the API answers with. */
export function assertMay(action: NodeAction, actor: Actor | null | undefined, situation: NodeSituation, now = new Date()): asserts actor is Actor {
  refuse(nodeActionRefusal(action, actor, situation, now));
}

function refuse(refusal: Refusal | null): void {
  if (refusal) throw new DomainError(refusal.code, refusal.message, refusal.until ? { until: refusal.until } : undefined);
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
