import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, ERROR_CODES } from '@agora/shared';
import type { Request, Response } from 'express';
import { DatabaseOptional } from '../../common/decorators/database-optional.decorator';
import { OwnBearer } from '../../common/decorators/own-bearer.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { mayReadMetrics } from './metrics-access';
import { Metrics } from './metrics';

/** Prometheus scrape endpoint: loopback, or `Authorization: Bearer $METRICS_TOKEN`. Answers while the database is down, to say so. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @OwnBearer()
  @DatabaseOptional()
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (!mayReadMetrics(req.ip, req.headers.authorization, this.config.METRICS_TOKEN)) {
      throw new DomainError(ERROR_CODES.FORBIDDEN, 'Metrics are served to loopback, or with the bearer token METRICS_TOKEN.');
    }
    res.type(this.metrics.contentType);
    return this.metrics.text();
  }
}
