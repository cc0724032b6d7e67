import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArgumentNode, ArticleRevisionSummary, ArticleRevisionText, OrphanView, RevisionResult } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto } from '../articles/dto/articles.dto';
import { AttachOrphanDto, OrphanParamsDto, ReviseArticleDto, RevisionParamsDto } from './dto/revisions.dto';
import { RevisionsService } from './revisions.service';

@ApiTags('articles')
@Controller('articles')
export class RevisionsController {
  constructor(private readonly revisions: RevisionsService) {}

  /** Replaces the article's text by a new version, keeping the old (moderators and admins). */
  @Post(':id/revisions')
  @HttpCode(201)
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle()
  revise(@Param() { id }: IdParamDto, @Body() body: ReviseArticleDto, @CurrentUser() user: RequestUser): Promise<RevisionResult> {
    return this.revisions.revise(id, body, user);
  }

  @Get(':id/revisions')
  list(@Param() { id }: IdParamDto): Promise<{ items: ArticleRevisionSummary[] }> {
    return this.revisions.list(id);
  }

  @Get(':id/revisions/:revision')
  text(@Param() { id, revision }: RevisionParamsDto): Promise<ArticleRevisionText> {
    return this.revisions.text(id, revision);
  }

  @Get(':id/orphans')
  @Authenticated()
  @ApiBearerAuth()
  orphans(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser): Promise<{ items: OrphanView[] }> {
    return this.revisions.orphans(id, user);
  }

  @Post(':id/orphans/:nodeId/attach')
  @HttpCode(200)
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle()
  attach(@Param() { id, nodeId }: OrphanParamsDto, @Body() body: AttachOrphanDto, @CurrentUser() user: RequestUser): Promise<ArgumentNode> {
    return this.revisions.attach(id, nodeId, body, user);
  }
}
