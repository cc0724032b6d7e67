import { Injectable } from '@nestjs/common';
import { assertCanWrite, assertModerator, DomainError, ERROR_CODES, type ArticleSummary, type LockInput } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { ArticleCountersRepository } from '../articles/article-counters.repository';
import { toArticleSummary } from '../articles/article.mapper';
import { ArticlesRepository } from '../articles/articles.repository';
import { AuditRepository } from '../audit/audit.repository';
import { LivePublisher } from '../live/live-publisher';

/** Locks a whole article: no new replies or votes anywhere in it. */
@Injectable()
export class ArticleModerationService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly audit: AuditRepository,
    private readonly live: LivePublisher,
    private readonly counters: ArticleCountersRepository,
  ) {}

  async lock(articleId: string, { locked, reason, reasonCode }: LockInput, actor: RequestUser): Promise<ArticleSummary> {
    assertModerator(actor);
    assertCanWrite(actor);
    const article = await this.articles.findSummaryById(articleId);
    if (!article) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    const updated = await this.articles.update(article._id, { $set: { locked } });
    if (!updated) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    await this.audit.record({
      action: locked ? 'lock' : 'unlock',
      actorId: actor.id,
      actorName: actor.username,
      targetType: 'article',
      targetId: article._id,
      subjectUserId: null,
      articleId: article._id,
      excerpt: article.title ?? null,
      reason: reason ?? null,
      reasonCode: reason ? reasonCode : null,
      before: { locked: !!article.locked },
      after: { locked },
    });
    const summary = toArticleSummary(updated, await this.counters.find(articleId));
    await this.live.articleUpdated(summary.id, summary);
    return summary;
  }
}
