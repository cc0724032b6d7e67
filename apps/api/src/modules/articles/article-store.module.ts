import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Article, ArticleSchema } from './article.model';
import { ArticlesRepository } from './articles.repository';

/** Article persistence, shared by the modules that read or lock articles. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Article.name, schema: ArticleSchema }])],
  providers: [ArticlesRepository],
  exports: [ArticlesRepository],
})
export class ArticleStoreModule {}
