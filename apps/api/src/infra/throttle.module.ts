import { Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ExecutionContext } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WRITE_KIND, type WriteKind } from '../common/decorators/write-throttle.decorator';
import type { AuthedRequest } from '../common/decorators/current-user.decorator';
import { MemoryThrottlerStorage } from './memory-throttler-storage';
import { REDIS, type RedisClient } from './redis.module';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** How many times the per-user allowance one IP may use: several people can share an address. */
const IP_MULTIPLIER = 20;

function perUserLimit(config: AppConfig, kind: WriteKind): number {
  switch (kind) {
    case 'post':
      return config.WRITE_RATE_LIMIT;
    case 'vote':
      return config.WRITE_RATE_LIMIT * 4;
    case 'auth':
      return config.WRITE_RATE_LIMIT;
    case 'register':
      // Per hour (see windowOf): a classroom behind one address can still sign up at the default.
      return config.WRITE_RATE_LIMIT;
  }
}

/** Registrations are counted per hour, so that one address cannot mint accounts at a write's pace. */
const windowOf = (kind: WriteKind): number => (kind === 'register' ? HOUR : MINUTE);

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS, Reflector],
      useFactory: (config: AppConfig, redis: RedisClient, reflector: Reflector): ThrottlerModuleOptions => {
        const kindOf = (ctx: ExecutionContext): WriteKind => reflector.get<WriteKind>(WRITE_KIND, ctx.getHandler()) ?? 'post';
        return {
          throttlers: [
            {
              name: 'user',
              ttl: (ctx) => windowOf(kindOf(ctx)),
              limit: (ctx) => perUserLimit(config, kindOf(ctx)),
              getTracker: (req: Record<string, unknown>, ctx) => {
                const r = req as AuthedRequest;
                return `${kindOf(ctx)}:${r.user ? `u:${r.user.id}` : `ip:${r.ip ?? ''}`}`;
              },
            },
            {
              name: 'ip',
              ttl: (ctx) => windowOf(kindOf(ctx)),
              limit: (ctx) => perUserLimit(config, kindOf(ctx)) * IP_MULTIPLIER,
              getTracker: (req: Record<string, unknown>, ctx) => `${kindOf(ctx)}:ip:${(req as AuthedRequest).ip ?? ''}`,
            },
          ],
          storage: redis ? new ThrottlerStorageRedisService(redis) : new MemoryThrottlerStorage(),
        };
      },
    }),
  ],
  exports: [ThrottlerModule],
})
export class ThrottleModule {}
