import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export const REDIS = Symbol('REDIS');
/** The shared Redis client, or null when REDIS_URL is not set and this instance works alone. */
export type RedisClient = Redis | null;

/**
 * Auto-pipelining: the commands of one turn (rate limits, epochs) leave in one write, not one syscall
 * each, at the end of the turn (setImmediate). Without it (`pipelined: false`) a command is written
 * as it is issued.
 */
export function createRedis(url: string, { pipelined = true } = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false, enableAutoPipelining: pipelined });
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RedisClient => (config.REDIS_URL ? createRedis(config.REDIS_URL) : null),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
