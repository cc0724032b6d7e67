import { Module } from '@nestjs/common';
import { ArticleStoreModule } from '../articles/article-store.module';
import { ArticleTreeModule } from '../article-tree/article-tree.module';
import { ExchangeController } from './exchange.controller';
import { ExchangeService } from './exchange.service';

/** Debates in exchange formats (Argdown, AIF, Agora's JSON). */
@Module({
  imports: [ArticleStoreModule, ArticleTreeModule],
  controllers: [ExchangeController],
  providers: [ExchangeService],
})
export class ExchangeModule {}
