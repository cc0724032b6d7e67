import { Module } from '@nestjs/common';
import { ArticleStoreModule } from '../articles/article-store.module';
import { NodeStoreModule } from '../nodes/node-store.module';
import { ArticleTrees } from './article-trees';

/** The read model of articles' trees and derived figures (see ArticleTrees). */
@Module({
  imports: [NodeStoreModule, ArticleStoreModule],
  providers: [ArticleTrees],
  exports: [ArticleTrees],
})
export class ArticleTreeModule {}
