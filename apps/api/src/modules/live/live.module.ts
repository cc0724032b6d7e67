import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleStoreModule } from '../articles/article-store.module';
import { LiveEventDoc, LiveEventSchema } from './live-event.model';
import { LiveEventsRepository } from './live-events.repository';
import { LivePublisher } from './live-publisher';
import { LiveGateway } from './live.gateway';
import { LiveService } from './live.service';

@Module({
  imports: [ArticleStoreModule, MongooseModule.forFeature([
      { name: LiveEventDoc.name, schema: LiveEventSchema },
    ])],
  providers: [LiveEventsRepository, LiveService, { provide: LivePublisher, useExisting: LiveService }, LiveGateway],
  exports: [LivePublisher, LiveService],
})
export class LiveModule {}
