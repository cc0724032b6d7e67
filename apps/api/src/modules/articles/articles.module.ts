import { Module } from '@nestjs/common';
import { NodesModule } from '../nodes/nodes.module';
import { VotesModule } from '../votes/votes.module';
import { ArticleStoreModule } from './article-store.module';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';
import { SeedImporter } from './seed-importer';

@Module({
  imports: [ArticleStoreModule, NodesModule, VotesModule],
  controllers: [ArticlesController],
  providers: [ArticlesService, SeedImporter],
  exports: [ArticlesService, SeedImporter],
})
export class ArticlesModule {}
