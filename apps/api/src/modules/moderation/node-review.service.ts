import { Injectable } from '@nestjs/common';
import { DomainError, ERROR_CODES, isPublic, MODERATION_ACTIONS, type AuditAction, type ModerationAction, type NodeStatus, type ReasonCode, type VisibilityChange } from '@agora/shared';
import { Types } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { converge } from '../../infra/database/converge';
import { nodeSubject } from '../audit/audit-subject';
import { AuditRepository } from '../audit/audit.repository';
import type { NodeModerationRecord, NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { NodesService } from '../nodes/nodes.service';
import { NotificationsService } from '../notifications/notifications.service';
import { FlagsRepository } from './flags.repository';

export interface StatusChange {
  node: NodeRecord;
  to: NodeStatus;
  visibility: VisibilityChange;
  resolvesFlags: boolean;
  action: AuditAction;
  /** Null when the system acts (the flag threshold). */
  actor: RequestUser | null;
  reason: string | null;
  /** A moderator's category for the reason (null for the system's own actions). */
  reasonCode?: ReasonCode | null;
}

/** Decisions that take a node out of view and that its author may read and appeal. */
const EXPLAINED = new Set<AuditAction>(['hide', 'remove']);

/**
 * A node's review state: its status and its open-flag count. Every status change is conditional on
 * the status the caller saw, audited with before and after, and broadcast (strength and reply
 * counts follow from the tree).
 */
@Injectable()
export class NodeReviewService {
  constructor(
    private readonly nodes: NodesRepository,
    private readonly nodesService: NodesService,
    private readonly flags: FlagsRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** Recounts the node's open flags into flagCount; counted, not incremented, so concurrent flags converge. */
  recountFlags(nodeId: Types.ObjectId): Promise<number> {
    return converge({
      observe: async () => {
        const [truth, node] = await Promise.all([this.flags.countOpen(nodeId), this.nodes.findById(nodeId)]);
        return { truth, stored: node ? (node.flagCount ?? 0) : null };
      },
      write: (flagCount) => this.nodes.setFlagCount(nodeId, flagCount),
      equal: (a, b) => a === b,
    });
  }

  /** Applies the change, or returns null when the node's status moved since the caller read it. */
  async change(c: StatusChange): Promise<NodeRecord | null> {
    const { node } = c;
    const decisionId = new Types.ObjectId();
    const moderation: NodeModerationRecord | null =
      EXPLAINED.has(c.action) && c.actor
        ? { decisionId, action: c.action as 'hide' | 'remove', reason: c.reason, reasonCode: c.reasonCode ?? null, decidedAt: new Date(), decidedBy: new Types.ObjectId(c.actor.id), appeal: null }
        : null;
    // Back in view, the decision is moot; still out of view (pending), the last one stands.
    const keepsDecision = !isPublic(c.to) && !moderation;
    const updated = await this.nodes.setStatus(node._id, [node.status], c.to, keepsDecision ? {} : { moderation });
    if (!updated) return null;
    const flagsBefore = node.flagCount ?? 0;
    if (EXPLAINED.has(c.action) && c.actor) await this.flags.agreeOpen(node._id);
    const flagCount = c.resolvesFlags ? (await this.flags.resolveOpen(node._id), await this.recountFlags(node._id)) : flagsBefore;
    await this.audit.record({
      _id: decisionId,
      action: c.action,
      actorId: c.actor?.id ?? null,
      actorName: c.actor?.username ?? null,
      ...nodeSubject(node),
      reason: c.reason,
      reasonCode: c.reasonCode ?? null,
      before: { status: node.status, flagCount: flagsBefore },
      after: { status: updated.status, flagCount },
    });
    const fresh = (await this.nodes.findById(node._id)) ?? updated;
    await this.nodesService.announceChange(fresh, isPublic(node.status));
    void this.notify(c, fresh);
    return fresh;
  }

  /** The author hears of the decision and why; a reply that has just become public reaches its parent's author. */
  private async notify(c: StatusChange, fresh: NodeRecord): Promise<void> {
    if ((MODERATION_ACTIONS as readonly string[]).includes(c.action)) await this.notifications.moderated(fresh, c.action as ModerationAction, c.reason, c.actor, c.reasonCode ?? null);
    if (!isPublic(c.node.status) && isPublic(fresh.status) && fresh.parentId) {
      const parent = await this.nodes.findById(fresh.parentId).catch(() => null);
      if (parent) await this.notifications.replied(parent, fresh);
    }
  }

  /** Like change, but a lost race is the caller's to retry. */
  async changeOrFail(c: StatusChange): Promise<NodeRecord> {
    const updated = await this.change(c);
    if (!updated) throw new DomainError(ERROR_CODES.VALIDATION, 'The node changed status meanwhile; reload and try again.');
    return updated;
  }
}
