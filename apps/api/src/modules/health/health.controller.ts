import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DatabaseOptional } from '../../common/decorators/database-optional.decorator';
import { DatabaseStatus } from '../../infra/database/database-status';
import { REDIS, type RedisClient } from '../../infra/redis.module';

/** Under the second within which every request is answered while the database is down. */
const DB_PING_TIMEOUT_MS = 800;

export interface HealthBody {
  status: 'ok' | 'error';
  db: 'up' | 'down';
  redis: 'up' | 'down' | 'disabled';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseStatus,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /**
   * 200 when this instance can serve writes: the database answers, and so does Redis when REDIS_URL is
   * set (writes take their locks there, so without it they are refused with 503). 503 otherwise, so
   * that a load balancer sends requests elsewhere.
   */
  @DatabaseOptional()
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthBody> {
    const [db, redis] = await Promise.all([
      this.database.answers(DB_PING_TIMEOUT_MS).then((up) => (up ? ('up' as const) : ('down' as const))),
      this.redis ? this.pingRedis() : Promise.resolve('disabled' as const),
    ]);
    const ok = db === 'up' && redis !== 'down';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', db, redis };
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
