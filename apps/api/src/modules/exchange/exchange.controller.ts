import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParamDto } from '../articles/dto/articles.dto';
import { ExportQueryDto } from './dto/exchange.dto';
import { ExchangeService } from './exchange.service';

@ApiTags('articles')
@Controller('articles')
export class ExchangeController {
  constructor(private readonly exchange: ExchangeService) {}

  /** The debate as a file to download: `format=json` (Agora's own), `argdown` or `aif`. */
  @Get(':id/export')
  async export(@Param() { id }: IdParamDto, @Query() { format }: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const file = await this.exchange.export(id, format);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }
}
