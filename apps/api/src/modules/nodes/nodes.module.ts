import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleStoreModule } from '../articles/article-store.module';
import { AuditModule } from '../audit/audit.module';
import { LiveModule } from '../live/live.module';
import { UsersModule } from '../users/users.module';
import { ArgumentNodeDoc, NodeSchema } from './node.model';
import { NodesController } from './nodes.controller';
import { NodesRepository } from './nodes.repository';
import { NodesService } from './nodes.service';
import { StrengthService } from './strength.service';

@Module({
  imports: [ArticleStoreModule, UsersModule, AuditModule, LiveModule, MongooseModule.forFeature([{ name: ArgumentNodeDoc.name, schema: NodeSchema }])],
  controllers: [NodesController],
  providers: [NodesRepository, StrengthService, NodesService],
  exports: [NodesRepository, StrengthService, NodesService],
})
export class NodesModule {}
