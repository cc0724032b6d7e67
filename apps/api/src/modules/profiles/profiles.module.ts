import { Module } from '@nestjs/common';
import { ArticleStoreModule } from '../articles/article-store.module';
import { ArticleTreeModule } from '../article-tree/article-tree.module';
import { AuditModule } from '../audit/audit.module';
import { NodeStoreModule } from '../nodes/node-store.module';
import { UsersModule } from '../users/users.module';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';

/** Readers' public pages. */
@Module({
  imports: [UsersModule, NodeStoreModule, ArticleStoreModule, ArticleTreeModule, AuditModule],
  controllers: [ProfilesController],
  providers: [ProfilesService],
})
export class ProfilesModule {}
