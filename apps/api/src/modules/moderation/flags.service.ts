import { Inject, Injectable } from '@nestjs/common';
import { assertCanWrite, assertMay, DomainError, ERROR_CODES, reachesThreshold, visibilityChange, type FlagInput, type FlagView } from '@agora/shared';
import { Types } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { NodesService } from '../nodes/nodes.service';
import { toFlagView } from './flag.mapper';
import { FlagsRepository } from './flags.repository';
import { NodeReviewService } from './node-review.service';

@Injectable()
export class FlagsService {
  constructor(
    private readonly flags: FlagsRepository,
    private readonly nodesService: NodesService,
    private readonly review: NodeReviewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records a reader's flag; at FLAG_THRESHOLD open flags a reader's node leaves public view for review. */
  async flag(nodeId: string, input: FlagInput, actor: RequestUser): Promise<FlagView> {
    assertCanWrite(actor);
    const node = await this.nodesService.getVisible(nodeId, actor);
    const situation = { type: node.type, status: node.status, authorId: node.authorId && String(node.authorId), withdrawn: !!node.withdrawn };
    assertMay('flag', actor, { node: situation, articleLocked: false, threadLocked: false });
    const flag = await this.flags.insert({
      nodeId: node._id,
      articleId: node.articleId,
      userId: new Types.ObjectId(actor.id),
      username: actor.username,
      reason: input.reason,
      note: input.note ?? null,
      status: 'open',
      createdAt: new Date(),
    });
    if (!flag) throw new DomainError(ERROR_CODES.ALREADY_FLAGGED, 'You have already flagged this node.');
    const open = await this.review.recountFlags(node._id);
    // The article's own text stays up: a few readers must not be able to take it down unreviewed.
    if (node.origin === 'user' && reachesThreshold(open, this.config.FLAG_THRESHOLD, node.status)) {
      await this.review.change({
        node: { ...node, flagCount: open },
        to: 'pending',
        visibility: visibilityChange(node.status, 'pending'),
        resolvesFlags: false,
        action: 'auto-pending',
        actor: null,
        reason: `Reached ${open} open flag(s) (threshold ${this.config.FLAG_THRESHOLD}).`,
      });
    }
    return toFlagView(flag);
  }
}
