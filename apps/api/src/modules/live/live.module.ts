import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleStoreModule } from '../articles/article-store.module';
import { ArticleTreeModule } from '../article-tree/article-tree.module';
import { NodeStoreModule } from '../nodes/node-store.module';
import { LiveLogPageDoc, LiveLogPageSchema } from './live-log-page.model';
import { LiveLogRepository } from './live-log.repository';
import { LivePublisher } from './live-publisher';
import { LiveGateway } from './live.gateway';
import { LiveService } from './live.service';

@Module({
  imports: [
    ArticleStoreModule,
    ArticleTreeModule,
    NodeStoreModule,
    MongooseModule.forFeature([{ name: LiveLogPageDoc.name, schema: LiveLogPageSchema }]),
  ],
  providers: [LiveLogRepository, LiveService, { provide: LivePublisher, useExisting: LiveService }, LiveGateway],
  exports: [LivePublisher, LiveService],
})
export class LiveModule {}
