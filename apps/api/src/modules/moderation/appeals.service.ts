import { Injectable } from '@nestjs/common';
import {
  assertCanWrite,
  assertModerator,
  DomainError,
  ERROR_CODES,
  excerpt,
  isPublic,
  planTransition,
  type AppealInput,
  type AppealsQuery,
  type AppealView,
  type DecideAppealInput,
  type Page,
} from '@agora/shared';
import { Types } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { AUDIT_EXCERPT, nodeSubject } from '../audit/audit-subject';
import { AuditRepository } from '../audit/audit.repository';
import { NodesRepository } from '../nodes/nodes.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { AppealsRepository, toAppealView } from './appeals.repository';
import { NodeReviewService } from './node-review.service';

/**
 * Appeals: the author of a hidden or removed post asks once per decision that it be looked at again,
 * and a moderator other than the one who decided upholds it or overturns it (restoring the post).
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly nodes: NodesRepository,
    private readonly review: NodeReviewService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** Suspended and banned authors may appeal too: an appeal is how they ask for a decision to be undone. */
  async appeal(nodeId: string, input: AppealInput, actor: RequestUser): Promise<AppealView> {
    const node = await this.nodes.findById(nodeId);
    if (!node) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    if (!node.authorId || String(node.authorId) !== actor.id) throw new DomainError(ERROR_CODES.FORBIDDEN, 'Only its author may appeal a decision on a post.');
    const decision = node.moderation;
    if (!decision || isPublic(node.status)) throw new DomainError(ERROR_CODES.VALIDATION, 'This post is not hidden or removed by a moderator: there is nothing to appeal.');
    const entry = await this.audit.findById(String(decision.decisionId));
    const appeal = await this.appeals.insert({
      decisionId: decision.decisionId,
      nodeId: node._id,
      articleId: node.articleId,
      excerpt: excerpt(node.text, AUDIT_EXCERPT),
      authorId: node.authorId,
      authorName: node.authorName,
      action: decision.action,
      decidedById: decision.decidedBy,
      decidedByName: entry?.actorName ?? null,
      reason: decision.reason,
      reasonCode: decision.reasonCode,
      statement: input.statement,
      status: 'open',
      resolvedById: null,
      resolvedByName: null,
      resolution: null,
      createdAt: new Date(),
      resolvedAt: null,
    });
    if (!appeal) throw new DomainError(ERROR_CODES.ALREADY_APPEALED, 'You have already appealed this decision.');
    await this.nodes.setAppeal(node._id, decision.decisionId, 'open');
    return toAppealView(appeal);
  }

  /** Appeals waiting for (or settled by) a decision, leaving out those of the caller's own decisions. */
  page(query: AppealsQuery, actor: RequestUser): Promise<Page<AppealView>> {
    assertModerator(actor);
    return this.appeals.page(query.status, actor.id, query.cursor, query.limit);
  }

  async decide(appealId: string, input: DecideAppealInput, actor: RequestUser): Promise<AppealView> {
    assertModerator(actor);
    assertCanWrite(actor);
    const appeal = await this.appeals.findById(appealId);
    if (!appeal) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such appeal.');
    if (appeal.decidedById && String(appeal.decidedById) === actor.id) {
      throw new DomainError(ERROR_CODES.FORBIDDEN, 'You made the decision appealed: another moderator must decide the appeal.');
    }
    const status = input.outcome === 'overturn' ? 'overturned' : 'upheld';
    const resolved = await this.appeals.resolve(appeal._id, {
      status,
      resolvedById: new Types.ObjectId(actor.id),
      resolvedByName: actor.username,
      resolution: input.reason,
      resolvedAt: new Date(),
    });
    if (!resolved) throw new DomainError(ERROR_CODES.APPEAL_DECIDED, 'This appeal has already been decided.');
    let node = await this.nodes.findById(appeal.nodeId);
    const stands = !!node && !isPublic(node.status) && String(node.moderation?.decisionId) === String(appeal.decisionId);
    try {
      if (node && stands && input.outcome === 'overturn') {
        const plan = planTransition('restore', node.status);
        node = await this.review.changeOrFail({ node, ...plan, action: 'restore', actor, reason: `Appeal granted: ${input.reason}`, reasonCode: null });
      } else if (node && stands) {
        node = (await this.nodes.setAppeal(node._id, appeal.decisionId, status)) ?? node;
      }
    } catch (error) {
      await this.appeals.reopen(appeal._id);
      throw error;
    }
    await this.audit.record({
      action: input.outcome === 'overturn' ? 'appeal-overturned' : 'appeal-upheld',
      actorId: actor.id,
      actorName: actor.username,
      ...(node ? nodeSubject(node) : { targetType: 'node' as const, targetId: appeal.nodeId, subjectUserId: appeal.authorId, subjectUserName: appeal.authorName, articleId: appeal.articleId, excerpt: appeal.excerpt }),
      reason: input.reason,
      before: { appeal: 'open', decisionId: String(appeal.decisionId), statement: appeal.statement },
      after: { appeal: status, status: node?.status ?? null },
    });
    if (node) void this.notifications.appealDecided(node, input.outcome, input.reason, actor);
    return toAppealView(resolved);
  }
}
