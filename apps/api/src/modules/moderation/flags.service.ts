import { Inject, Injectable } from '@nestjs/common';
import {
  assertCanWrite,
  assertMay,
  DomainError,
  ERROR_CODES,
  flagWeight,
  reachesWeightedThreshold,
  trustLevel,
  visibilityChange,
  type FlagInput,
  type FlagView,
  type TrustPolicy,
} from '@agora/shared';
import { Types } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { situationOf } from '../nodes/node.mapper';
import { NodesRepository } from '../nodes/nodes.repository';
import { NodesService } from '../nodes/nodes.service';
import { UsersRepository } from '../users/users.repository';
import { toFlagView } from './flag.mapper';
import { FlagsRepository } from './flags.repository';
import { NodeReviewService } from './node-review.service';

export const trustPolicyOf = (config: AppConfig): TrustPolicy => ({
  newAccountDays: config.TRUST_NEW_ACCOUNT_DAYS,
  newAccountPosts: config.TRUST_NEW_ACCOUNT_POSTS,
  trustedDays: config.TRUST_TRUSTED_DAYS,
  trustedPosts: config.TRUST_TRUSTED_POSTS,
});

@Injectable()
export class FlagsService {
  constructor(
    private readonly flags: FlagsRepository,
    private readonly nodesService: NodesService,
    private readonly nodes: NodesRepository,
    private readonly users: UsersRepository,
    private readonly review: NodeReviewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records a reader's flag, weighed by their trust and accuracy; at FLAG_THRESHOLD of open weight a reader's node leaves public view for review. */
  async flag(nodeId: string, input: FlagInput, actor: RequestUser): Promise<FlagView> {
    assertCanWrite(actor);
    const node = await this.nodesService.getVisible(nodeId, actor);
    assertMay('flag', actor, { node: situationOf(node), articleLocked: false, threadLocked: false });
    const flag = await this.flags.insert({
      nodeId: node._id,
      articleId: node.articleId,
      userId: new Types.ObjectId(actor.id),
      username: actor.username,
      reason: input.reason,
      note: input.note ?? null,
      status: 'open',
      weight: await this.weightOf(actor),
      outcome: null,
      createdAt: new Date(),
    });
    if (!flag) throw new DomainError(ERROR_CODES.ALREADY_FLAGGED, 'You have already flagged this node.');
    const open = await this.review.recountFlags(node._id);
    const weights = await this.flags.openWeights(node._id);
    // The article's own text stays up: a few readers must not be able to take it down unreviewed.
    if (node.origin === 'user' && node.status === 'visible' && reachesWeightedThreshold(weights, this.config.FLAG_THRESHOLD)) {
      const total = Math.round(weights.reduce((s, w) => s + w, 0) * 100) / 100;
      await this.review.change({
        node: { ...node, flagCount: open },
        to: 'pending',
        visibility: visibilityChange(node.status, 'pending'),
        resolvesFlags: false,
        action: 'auto-pending',
        actor: null,
        reason: `Reached ${open} open flag(s) weighing ${total} (threshold ${this.config.FLAG_THRESHOLD}).`,
      });
    }
    return toFlagView(flag);
  }

  /** What the actor's flag weighs now: their trust level and how often moderators agreed with their flags. */
  private async weightOf(actor: RequestUser): Promise<number> {
    if (actor.role !== 'participant') return flagWeight({ role: actor.role, level: 'trusted', agreed: 0, disagreed: 0 });
    const [account, approvedPosts, record] = await Promise.all([this.users.findById(actor.id), this.nodes.countApprovedPosts(actor.id), this.flags.outcomesOf(actor.id)]);
    const level = trustLevel({ role: actor.role, createdAt: account?.createdAt ?? new Date(), approvedPosts }, trustPolicyOf(this.config));
    return flagWeight({ role: actor.role, level, ...record });
  }
}
