import { Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { ThrottlerModule, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Connection } from 'mongoose';
import { createHash } from 'node:crypto';
import { trustLevel, writeLimitFor } from '@agora/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WRITE_KIND, type WriteKind } from '../common/decorators/write-throttle.decorator';
import type { AuthedRequest } from '../common/decorators/current-user.decorator';
import { sessionOf } from '../modules/auth/session-cookie';
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
    case 'session':
      return config.WRITE_RATE_LIMIT;
    case 'register':
      // Per hour (see windowOf): a classroom behind one address can still sign up at the default.
      return config.WRITE_RATE_LIMIT;
  }
}

/**
 * A new account's allowance is a share of the rest (writeLimitFor). Only its age is known here, without
 * a query on every write: an account with too few approved posts but old enough writes as a member.
 */
function limitFor(config: AppConfig, kind: WriteKind, user: AuthedRequest['user']): number {
  const allowance = perUserLimit(config, kind);
  if (!user?.createdAt || (kind !== 'post' && kind !== 'vote')) return allowance;
  const policy = { newAccountDays: config.TRUST_NEW_ACCOUNT_DAYS, newAccountPosts: 0, trustedDays: config.TRUST_TRUSTED_DAYS, trustedPosts: config.TRUST_TRUSTED_POSTS };
  return writeLimitFor(trustLevel({ role: user.role, createdAt: user.createdAt, approvedPosts: Number.MAX_SAFE_INTEGER }, policy), allowance);
}

/** Registrations are counted per hour, so that one address cannot mint accounts at a write's pace. */
const windowOf = (kind: WriteKind): number => (kind === 'register' ? HOUR : MINUTE);

/**
 * Counters kept under the deployment's own prefix: a Redis may serve several deployments (staging
 * beside production, parallel test runs), and one's writes must not use up another's allowance.
 */
const namespaced = (storage: ThrottlerStorage, prefix: string): ThrottlerStorage => ({
  increment: (key, ttl, limit, blockDuration, throttlerName) => storage.increment(`${prefix}${key}`, ttl, limit, blockDuration, throttlerName),
});

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS, Reflector, getConnectionToken()],
      useFactory: (config: AppConfig, redis: RedisClient, reflector: Reflector, connection: Connection): ThrottlerModuleOptions => {
        const kindOf = (ctx: ExecutionContext): WriteKind => reflector.get<WriteKind>(WRITE_KIND, ctx.getHandler()) ?? 'post';
        return {
          throttlers: [
            {
              name: 'user',
              ttl: (ctx) => windowOf(kindOf(ctx)),
              limit: (ctx) => limitFor(config, kindOf(ctx), ctx.switchToHttp().getRequest<AuthedRequest>().user),
              getTracker: (req: Record<string, unknown>, ctx) => {
                const r = req as unknown as AuthedRequest & Pick<Request, 'headers'>;
                const kind = kindOf(ctx);
                const session = kind === 'session' ? sessionOf(r) : undefined;
                // A session cookie renews once (the server replaces it), so a renewal carrying one is its
                // own reader here, bounded by its address's allowance below, and not by the per-reader
                // one of everyone behind that address. Counted by a digest: the secret is kept nowhere.
                if (session) return `${kind}:s:${createHash('sha256').update(session).digest('hex').slice(0, 32)}`;
                return `${kind}:${r.user ? `u:${r.user.id}` : `ip:${r.ip ?? ''}`}`;
              },
            },
            {
              name: 'ip',
              ttl: (ctx) => windowOf(kindOf(ctx)),
              limit: (ctx) => perUserLimit(config, kindOf(ctx)) * IP_MULTIPLIER,
              getTracker: (req: Record<string, unknown>, ctx) => `${kindOf(ctx)}:ip:${(req as AuthedRequest).ip ?? ''}`,
            },
          ],
          storage: redis ? namespaced(new ThrottlerStorageRedisService(redis), `agora:throttle:${connection.name}:`) : new MemoryThrottlerStorage(),
        };
      },
    }),
  ],
  exports: [ThrottlerModule],
})
export class ThrottleModule {}
