import { Module } from '@nestjs/common';
import { ArticleStoreModule } from '../articles/article-store.module';
import { ArticleTreeModule } from '../article-tree/article-tree.module';
import { ArticlesModule } from '../articles/articles.module';
import { NodeStoreModule } from '../nodes/node-store.module';
import { ArgdownImporter } from './argdown-importer';
import { ExchangeController } from './exchange.controller';
import { ExchangeService } from './exchange.service';

/** Debates in exchange formats (Argdown, AIF, Agora's JSON). */
@Module({
  imports: [ArticleStoreModule, ArticleTreeModule, ArticlesModule, NodeStoreModule],
  controllers: [ExchangeController],
  providers: [ExchangeService, ArgdownImporter],
})
export class ExchangeModule {}
