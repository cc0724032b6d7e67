import { Module } from '@nestjs/common';
import { ArticleStoreModule } from '../articles/article-store.module';
import { LiveModule } from '../live/live.module';
import { NodeStoreModule } from '../nodes/node-store.module';
import { SearchIndex } from './search-index';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** Finding articles and arguments by their words. */
@Module({
  imports: [ArticleStoreModule, NodeStoreModule, LiveModule],
  controllers: [SearchController],
  providers: [SearchService, SearchIndex],
})
export class SearchModule {}
