import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleStoreModule } from '../articles/article-store.module';
import { AuditModule } from '../audit/audit.module';
import { LiveModule } from '../live/live.module';
import { NodesModule } from '../nodes/nodes.module';
import { UsersModule } from '../users/users.module';
import { AdminUsersController } from './admin-users.controller';
import { ArticleModerationService } from './article-moderation.service';
import { AuditLogService } from './audit-log.service';
import { FlagDoc, FlagSchema } from './flag.model';
import { FlagsController } from './flags.controller';
import { FlagsRepository } from './flags.repository';
import { FlagsService } from './flags.service';
import { ModerationQueueService } from './moderation-queue.service';
import { ModerationUsersController } from './moderation-users.controller';
import { ModerationController } from './moderation.controller';
import { NodeModerationService } from './node-moderation.service';
import { NodeReviewService } from './node-review.service';
import { UserModerationService } from './user-moderation.service';

/** Flags, review queue, actions, locks, pins, suspensions and the audit log. */
@Module({
  imports: [
    NodesModule,
    ArticleStoreModule,
    UsersModule,
    AuditModule,
    LiveModule,
    MongooseModule.forFeature([{ name: FlagDoc.name, schema: FlagSchema }]),
  ],
  controllers: [FlagsController, ModerationController, ModerationUsersController, AdminUsersController],
  providers: [
    FlagsRepository,
    NodeReviewService,
    FlagsService,
    NodeModerationService,
    ArticleModerationService,
    ModerationQueueService,
    AuditLogService,
    UserModerationService,
  ],
})
export class ModerationModule {}
