import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { REDIS, type RedisClient } from '../../infra/redis.module';

export interface HealthBody {
  status: 'ok' | 'error';
  db: 'up' | 'down';
  redis: 'up' | 'down' | 'disabled';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongoose: MongooseHealthIndicator,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /** 200 when the database answers, 503 when it does not; Redis is reported but not required. */
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthBody> {
    const db = await this.health
      .check([() => this.mongoose.pingCheck('db', { timeout: 2000 })])
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const redis = this.redis ? await this.pingRedis() : 'disabled';
    res.status(db === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: db === 'up' ? 'ok' : 'error', db, redis };
  }

  private async pingRedis(): Promise<'up' | 'down'> {
    try {
      const answer = await Promise.race([this.redis!.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      return answer === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }
}
