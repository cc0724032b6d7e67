import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
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
  providers: [ArticlesRepository],
  exports: [ArticlesRepository],
})
export class ArticleStoreModule {}
