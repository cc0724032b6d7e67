import { Injectable } from '@nestjs/common';
import { assertCanWrite, assertModerator, DomainError, ERROR_CODES, planTransition, type ArgumentNode, type LockInput, type ModerateNodeInput, type ReasonCode, type SlowModeInput } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { nodeSubject } from '../audit/audit-subject';
import { AuditRepository } from '../audit/audit.repository';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { NodesService } from '../nodes/nodes.service';
import { NodeReviewService } from './node-review.service';

/** What moderators do to one node: approve, hide, remove, restore, lock its subtree, pin it. */
@Injectable()
export class NodeModerationService {
  constructor(
    private readonly nodes: NodesRepository,
    private readonly review: NodeReviewService,
    private readonly audit: AuditRepository,
    private readonly nodesService: NodesService,
  ) {}

  async moderate(nodeId: string, input: ModerateNodeInput, actor: RequestUser): Promise<ArgumentNode> {
    assertModerator(actor);
    assertCanWrite(actor);
    const node = await this.load(nodeId);
    const plan = planTransition(input.action, node.status);
    const updated = await this.review.changeOrFail({ node, ...plan, action: input.action, actor, reason: input.reason, reasonCode: input.reasonCode ?? 'other' });
    return this.nodesService.view(updated, actor);
  }

  /** Locks or unlocks a node's subtree: no new replies, votes or edits beneath it. */
  async lock(nodeId: string, input: LockInput, actor: RequestUser): Promise<ArgumentNode> {
    assertModerator(actor);
    assertCanWrite(actor);
    const { locked, reason, reasonCode } = input;
    return this.setFlag(await this.load(nodeId), 'locked', locked, locked ? 'lock' : 'unlock', reason, actor, reason ? reasonCode : undefined);
  }

  /** Slows the thread beneath a node: one reader's replies there at least `seconds` apart (0: off). */
  async slowMode(nodeId: string, { seconds, reason }: SlowModeInput, actor: RequestUser): Promise<ArgumentNode> {
    assertModerator(actor);
    assertCanWrite(actor);
    const node = await this.load(nodeId);
    const updated = await this.nodes.update(node._id, { $set: { slowModeSeconds: seconds }, $inc: { version: 1 } });
    if (!updated) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    await this.audit.record({
      action: 'slow-mode',
      actorId: actor.id,
      actorName: actor.username,
      ...nodeSubject(node),
      reason: reason ?? null,
      before: { slowModeSeconds: node.slowModeSeconds ?? 0 },
      after: { slowModeSeconds: seconds },
    });
    await this.nodesService.announceChange(updated);
    return this.nodesService.view(updated, actor);
  }

  /** Pins or unpins a node first among its siblings. */
  async pin(nodeId: string, pinned: boolean, reason: string | undefined, actor: RequestUser): Promise<ArgumentNode> {
    assertModerator(actor);
    assertCanWrite(actor);
    return this.setFlag(await this.load(nodeId), 'pinned', pinned, pinned ? 'pin' : 'unpin', reason, actor);
  }

  private async setFlag(
    node: NodeRecord,
    field: 'locked' | 'pinned',
    value: boolean,
    action: 'lock' | 'unlock' | 'pin' | 'unpin',
    reason: string | undefined,
    actor: RequestUser,
    reasonCode?: ReasonCode,
  ): Promise<ArgumentNode> {
    const updated = await this.nodes.update(node._id, { $set: { [field]: value }, $inc: { version: 1 } });
    if (!updated) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    await this.audit.record({
      action,
      actorId: actor.id,
      actorName: actor.username,
      ...nodeSubject(node),
      reason: reason ?? null,
      reasonCode: reasonCode ?? null,
      before: { [field]: !!node[field], status: node.status },
      after: { [field]: value, status: updated.status },
    });
    await this.nodesService.announceChange(updated);
    return this.nodesService.view(updated, actor);
  }

  /** Moderators may act on nodes in any status, so no visibility check. */
  private async load(nodeId: string): Promise<NodeRecord> {
    const node = await this.nodes.findById(nodeId);
    if (!node) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    return node;
  }
}
