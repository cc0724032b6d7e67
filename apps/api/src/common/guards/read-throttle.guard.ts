import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { getStorageToken, ThrottlerException, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { REDIS, type RedisClient } from '../../infra/redis.module';

const MINUTE = 60_000;

/**
 * Reads (GET) are counted per IP, READ_RATE_LIMIT a minute, in the storage the write limits use (Redis
 * when configured): a reader cannot make an instance serialize trees for them as fast as it can ask.
 * The health check is left out, for load balancers; a read refused for the storage's sake is let through.
 */
@Injectable()
export class ReadThrottleGuard implements CanActivate {
  constructor(
    @Inject(getStorageToken()) private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method !== 'GET' || req.path === '/api/health') return true;
    // Reads go on while Redis is away (writes are refused then), uncounted rather than kept waiting.
    if (this.redis && this.redis.status !== 'ready') return true;
    const key = `read:ip:${req.ip ?? ''}`;
    const record = await this.storage.increment(key, MINUTE, this.config.READ_RATE_LIMIT, 0, 'read').catch(() => null);
    if (!record || record.totalHits <= this.config.READ_RATE_LIMIT) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, Math.ceil(record.timeToExpire))));
    throw new ThrottlerException('Too many reads: slow down and try again shortly.');
  }
}
