import { Module } from '@nestjs/common';
import { ArticleStoreModule } from '../articles/article-store.module';
import { NodeStoreModule } from '../nodes/node-store.module';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** Finding articles and arguments by their words. */
@Module({
  imports: [ArticleStoreModule, NodeStoreModule],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
