import { Module } from '@nestjs/common';
import { NodeStoreModule } from '../nodes/node-store.module';
import { ArticleTrees } from './article-trees';

/** The read model of articles' trees and derived figures (see ArticleTrees). */
@Module({
  imports: [NodeStoreModule],
  providers: [ArticleTrees],
  exports: [ArticleTrees],
})
export class ArticleTreeModule {}
