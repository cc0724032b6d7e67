import { Module } from '@nestjs/common';
import { ArticleStoreModule } from '../articles/article-store.module';
import { ArticleTreeModule } from '../article-tree/article-tree.module';
import { AuditModule } from '../audit/audit.module';
import { LiveModule } from '../live/live.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { NodeStoreModule } from './node-store.module';
import { NodesController } from './nodes.controller';
import { NodesService } from './nodes.service';

@Module({
  imports: [ArticleStoreModule, NodeStoreModule, ArticleTreeModule, UsersModule, AuditModule, LiveModule, NotificationsModule],
  controllers: [NodesController],
  providers: [NodesService],
  exports: [NodeStoreModule, ArticleTreeModule, NodesService, NotificationsModule],
})
export class NodesModule {}
