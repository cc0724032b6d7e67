import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleStoreModule } from '../articles/article-store.module';
import { ArticleTreeModule } from '../article-tree/article-tree.module';
import { AuditModule } from '../audit/audit.module';
import { LiveModule } from '../live/live.module';
import { NodeStoreModule } from '../nodes/node-store.module';
import { ArticleRevisionDoc, ArticleRevisionSchema } from './article-revision.model';
import { ArticleRevisionsRepository } from './article-revisions.repository';
import { RevisionsController } from './revisions.controller';
import { RevisionsService } from './revisions.service';

/** New versions of an article's text, re-anchoring what readers wrote about it; orphans and their attachment. */
@Module({
  imports: [
    ArticleStoreModule,
    NodeStoreModule,
    ArticleTreeModule,
    AuditModule,
    LiveModule,
    MongooseModule.forFeature([{ name: ArticleRevisionDoc.name, schema: ArticleRevisionSchema }]),
  ],
  controllers: [RevisionsController],
  providers: [ArticleRevisionsRepository, RevisionsService],
})
export class RevisionsModule {}
