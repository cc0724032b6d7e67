import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertModerator, type ArticleDetail } from '@agora/shared';
import type { Response } from 'express';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { IdParamDto, ImportArticleDto } from '../articles/dto/articles.dto';
import { ArgdownImporter } from './argdown-importer';
import { ExportQueryDto, ImportQueryDto } from './dto/exchange.dto';
import { ExchangeService } from './exchange.service';

@ApiTags('articles')
@Controller('articles')
export class ExchangeController {
  constructor(
    private readonly exchange: ExchangeService,
    private readonly argdown: ArgdownImporter,
  ) {}

  /** A debate from a document in an exchange format (`format=argdown`; moderators and admins); 201 when new, 200 when the same document was imported before. */
  @Post('import')
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle()
  async import(@Query() _query: ImportQueryDto, @Body() body: ImportArticleDto, @CurrentUser() user: RequestUser, @Res({ passthrough: true }) res: Response): Promise<ArticleDetail> {
    assertModerator(user);
    const { article, created } = await this.argdown.import(body);
    res.status(created ? 201 : 200);
    return article;
  }

  /** The debate as a file to download: `format=json` (Agora's own), `argdown` or `aif`. */
  @Get(':id/export')
  async export(@Param() { id }: IdParamDto, @Query() { format }: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const file = await this.exchange.export(id, format);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }
}
