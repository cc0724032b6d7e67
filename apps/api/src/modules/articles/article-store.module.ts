import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArticleTextMigration } from './article-text-migration';
import { Article, ArticleSchema, ArticleText, ArticleTextSchema } from './article.model';
import { ArticlesRepository } from './articles.repository';

/** Article persistence, shared by the modules that read or lock articles. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Article.name, schema: ArticleSchema },
      { name: ArticleText.name, schema: ArticleTextSchema },
    ]),
  ],
  providers: [ArticlesRepository, ArticleTextMigration],
  exports: [ArticlesRepository],
})
export class ArticleStoreModule {}
