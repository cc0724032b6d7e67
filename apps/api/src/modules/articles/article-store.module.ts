import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleCounterDoc, ArticleCounterSchema } from './article-counter.model';
import { ArticleCountersRepository } from './article-counters.repository';
import { Article, ArticleSchema, ArticleText, ArticleTextSchema } from './article.model';
import { ArticlesRepository } from './articles.repository';

/** Article persistence, shared by the modules that read or lock articles. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Article.name, schema: ArticleSchema },
      { name: ArticleText.name, schema: ArticleTextSchema },
      { name: ArticleCounterDoc.name, schema: ArticleCounterSchema },
    ]),
  ],
  providers: [ArticlesRepository, ArticleCountersRepository],
  exports: [ArticlesRepository, ArticleCountersRepository],
})
export class ArticleStoreModule {}
