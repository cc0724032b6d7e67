import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleStoreModule } from '../articles/article-store.module';
import { AuditModule } from '../audit/audit.module';
import { LiveModule } from '../live/live.module';
import { NodesModule } from '../nodes/nodes.module';
import { UsersModule } from '../users/users.module';
import { AdminUsersController } from './admin-users.controller';
import { AppealDoc, AppealSchema } from './appeal.model';
import { ModerationAppealsController, NodeAppealsController } from './appeals.controller';
import { AppealsRepository } from './appeals.repository';
import { AppealsService } from './appeals.service';
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
import { ModeratorNoteDoc, ModeratorNoteSchema } from './moderator-note.model';
import { ModeratorNotesRepository } from './moderator-notes.repository';
import { UserDirectoryService } from './user-directory.service';
import { UserModerationService } from './user-moderation.service';

/** Flags, review queue, actions, locks, pins, suspensions, appeals, the user directory with notes, and the audit log. */
@Module({
  imports: [
    NodesModule,
    ArticleStoreModule,
    UsersModule,
    AuditModule,
    LiveModule,
    MongooseModule.forFeature([
      { name: FlagDoc.name, schema: FlagSchema },
      { name: AppealDoc.name, schema: AppealSchema },
      { name: ModeratorNoteDoc.name, schema: ModeratorNoteSchema },
    ]),
  ],
  controllers: [FlagsController, ModerationController, ModerationUsersController, AdminUsersController, NodeAppealsController, ModerationAppealsController],
  providers: [
    FlagsRepository,
    NodeReviewService,
    FlagsService,
    NodeModerationService,
    ArticleModerationService,
    ModerationQueueService,
    AuditLogService,
    UserModerationService,
    AppealsRepository,
    AppealsService,
    ModeratorNotesRepository,
    UserDirectoryService,
  ],
})
export class ModerationModule {}
