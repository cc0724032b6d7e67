import type { ModerationAction } from '../../contracts/rest/moderation.schema';
import type { NodeStatus } from '../../contracts/rest/nodes.schema';
import { DomainError, ERROR_CODES } from '../../errors/error-codes';
import { isPublic } from '../permissions';

/** Where each moderation action may start and where it leaves the node. */
export const MODERATION_TRANSITIONS: Record<ModerationAction, { from: readonly NodeStatus[]; to: NodeStatus; resolvesFlags: boolean }> = {
  // Approving a visible node is how a moderator dismisses its flags.
  approve: { from: ['pending', 'visible'], to: 'visible', resolvesFlags: true },
  hide: { from: ['visible', 'pending'], to: 'hidden', resolvesFlags: false },
  remove: { from: ['visible', 'pending', 'hidden'], to: 'removed', resolvesFlags: false },
  // A restored node has been reviewed and found fine, so the flags that took it away are settled.
  restore: { from: ['hidden', 'removed', 'pending'], to: 'visible', resolvesFlags: true },
};

/** How a transition changes public view: strength and reply counts follow 'enter' and 'leave'. */
export type VisibilityChange = 'enter' | 'leave' | 'none';

export interface PlannedTransition {
  from: NodeStatus;
  to: NodeStatus;
  visibility: VisibilityChange;
  resolvesFlags: boolean;
}

export function visibilityChange(from: NodeStatus, to: NodeStatus): VisibilityChange {
  if (isPublic(from) === isPublic(to)) return 'none';
  return isPublic(to) ? 'enter' : 'leave';
}

/** The transition an action makes from a status, or a validation error naming what is allowed. */
export function planTransition(action: ModerationAction, from: NodeStatus): PlannedTransition {
  const rule = MODERATION_TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    throw new DomainError(
      ERROR_CODES.VALIDATION,
      `Cannot ${action} a ${from} node: ${action} applies to ${rule.from.join(', ')} nodes.`,
      { action, status: from, allowedFrom: [...rule.from] },
    );
  }
  return { from, to: rule.to, visibility: visibilityChange(from, rule.to), resolvesFlags: rule.resolvesFlags };
}
