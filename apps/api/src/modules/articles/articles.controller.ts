import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { assertModerator, type ArgumentNode, type ArticleDetail, type ArticleListItem } from '@agora/shared';
import type { Response } from 'express';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { NodesService } from '../nodes/nodes.service';
import { VotesService } from '../votes/votes.service';
import { ArticlesService } from './articles.service';
import { IdParamDto, ImportArticleDto, ParagraphParamsDto, ParagraphReplyDto } from './dto/articles.dto';

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly nodes: NodesService,
    private readonly votes: VotesService,
  ) {}

  @Get()
  list(): Promise<{ items: ArticleListItem[] }> {
    return this.articles.list();
  }

  /** Imports an article (moderators and admins); 201 when new, 200 when the same text was there. */
  @Post()
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle()
  async import(@Body() body: ImportArticleDto, @CurrentUser() user: RequestUser, @Res({ passthrough: true }) res: Response): Promise<ArticleDetail> {
    assertModerator(user);
    const { article, created } = await this.articles.import(body);
    res.status(created ? 201 : 200);
    return article;
  }

  /** The first screen: paragraphs with their claims' figures and strongest replies, and a signed-in reader's own votes on them. */
  @Get(':id')
  @ApiOkResponse({ description: 'ArticleDetail' })
  async get(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser | null, @Res() res: Response): Promise<void> {
    const screen = await this.articles.firstScreen(id, user);
    // Sent as the bytes kept, with the validator kept: express neither encodes nor hashes the megabyte
    // again for each reader (and still answers 304 to a matching If-None-Match).
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('ETag', screen.etag);
    res.send(screen.body);
  }

  @Get(':id/tree')
  tree(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser | null): Promise<{ items: ArgumentNode[] }> {
    return this.articles.tree(id, user);
  }

  /** The caller's own votes in this article, keyed by node id. */
  @Get(':id/my-votes')
  @Authenticated()
  @ApiBearerAuth()
  myVotes(@Param() { id }: IdParamDto, @CurrentUser() user: RequestUser): Promise<{ votes: Record<string, number> }> {
    return this.votes.mineForArticle(id, user);
  }

  @Post(':id/paragraphs/:index/replies')
  @HttpCode(201)
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle()
  reply(@Param() params: ParagraphParamsDto, @Body() body: ParagraphReplyDto, @CurrentUser() user: RequestUser): Promise<ArgumentNode> {
    return this.nodes.replyToParagraph(params.id, params.index, body, user);
  }
}
