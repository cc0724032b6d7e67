import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArgumentNode, ArticleSummary, AuditEntry, Page, QueueItem } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { ArticleModerationService } from './article-moderation.service';
import { AuditLogService } from './audit-log.service';
import { AuditQueryDto, LockDto, ModerateNodeDto, PinDto, QueueQueryDto, SlowModeDto } from './dto/moderation.dto';
import { ModerationQueueService } from './moderation-queue.service';
import { NodeModerationService } from './node-moderation.service';

/** The review queue, actions on nodes and articles, and the audit log; moderators and admins only. */
@ApiTags('moderation')
@ApiBearerAuth()
@Authenticated()
@Controller('moderation')
export class ModerationController {
  constructor(
    private readonly queue: ModerationQueueService,
    private readonly nodes: NodeModerationService,
    private readonly articles: ArticleModerationService,
    private readonly auditLog: AuditLogService,
  ) {}

  @Get('queue')
  reviewQueue(@Query() query: QueueQueryDto, @CurrentUser() user: RequestUser): Promise<Page<QueueItem>> {
    return this.queue.page(query, user);
  }

  @Get('audit')
  audit(@Query() query: AuditQueryDto, @CurrentUser() user: RequestUser): Promise<Page<AuditEntry>> {
    return this.auditLog.page(query, user);
  }

  @Post('nodes/:id')
  @HttpCode(200)
  @WriteThrottle()
  moderate(@Param() { id }: IdParamDto, @Body() body: ModerateNodeDto, @CurrentUser() user: RequestUser): Promise<ArgumentNode> {
    return this.nodes.moderate(id, body, user);
  }

  @Post('nodes/:id/lock')
  @HttpCode(200)
  @WriteThrottle()
  lockNode(@Param() { id }: IdParamDto, @Body() body: LockDto, @CurrentUser() user: RequestUser): Promise<ArgumentNode> {
    return this.nodes.lock(id, body, user);
  }

  @Post('nodes/:id/slow-mode')
  @HttpCode(200)
  @WriteThrottle()
  slowMode(@Param() { id }: IdParamDto, @Body() body: SlowModeDto, @CurrentUser() user: RequestUser): Promise<ArgumentNode> {
    return this.nodes.slowMode(id, body, user);
  }

  @Post('nodes/:id/pin')
  @HttpCode(200)
  @WriteThrottle()
  pinNode(@Param() { id }: IdParamDto, @Body() body: PinDto, @CurrentUser() user: RequestUser): Promise<ArgumentNode> {
    return this.nodes.pin(id, body.pinned, body.reason, user);
  }

  @Post('articles/:id/lock')
  @HttpCode(200)
  @WriteThrottle()
  lockArticle(@Param() { id }: IdParamDto, @Body() body: LockDto, @CurrentUser() user: RequestUser): Promise<ArticleSummary> {
    return this.articles.lock(id, body, user);
  }
}
