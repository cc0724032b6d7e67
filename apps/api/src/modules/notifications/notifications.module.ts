import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LiveModule } from '../live/live.module';
import { NodeStoreModule } from '../nodes/node-store.module';
import { UsersModule } from '../users/users.module';
import { NotificationDoc, NotificationSchema } from './notification.model';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Readers' notifications: what happened to their arguments, stored, listed and sent live. */
@Module({
  imports: [NodeStoreModule, UsersModule, LiveModule, MongooseModule.forFeature([{ name: NotificationDoc.name, schema: NotificationSchema }])],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
