import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DatabaseStatusModule } from '../../infra/database/database-status.module';
import { DatabaseStatus } from '../../infra/database/database-status';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics';

/** GET /api/metrics and the Metrics every module may record into. */
@Global()
@Module({
  imports: [DatabaseStatusModule],
  controllers: [MetricsController],
  providers: [Metrics],
  exports: [Metrics],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly database: DatabaseStatus,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  onModuleInit(): void {
    const redis = this.redis;
    this.metrics.watch({ databaseUp: () => this.database.reachable, redisUp: redis ? () => redis.status === 'ready' : undefined });
  }
}
