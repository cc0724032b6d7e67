import { Module } from '@nestjs/common';
import { DatabaseStatusModule } from '../../infra/database/database-status.module';
import { HealthController } from './health.controller';

@Module({
  imports: [DatabaseStatusModule],
  controllers: [HealthController],
})
export class HealthModule {}
