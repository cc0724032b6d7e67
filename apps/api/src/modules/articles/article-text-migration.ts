import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ArticlesRepository } from './articles.repository';

/**
 * Moves the text of articles stored before texts had their own collection into `article_texts`, at
 * start, before the API serves. Each article's text is stored first and dropped from the article only
 * then, so a crash in between leaves both (harmless, finished at the next start); instances starting
 * together do the same idempotent steps. Until an article is moved its text is read where it is, so
 * a failed move is reported and tried again at the next start rather than keeping the API down.
 */
@Injectable()
export class ArticleTextMigration implements OnModuleInit {
  private readonly logger = new Logger('ArticleTextMigration');

  constructor(private readonly articles: ArticlesRepository) {}

  async onModuleInit(): Promise<void> {
    try {
      const legacy = await this.articles.findWithInlineText();
      for (const article of legacy) {
        await this.articles.saveText(article._id, { source: article.source, paragraphs: article.paragraphs ?? [] });
        await this.articles.dropInlineText(article._id);
      }
      if (legacy.length) this.logger.log(`Moved the text of ${legacy.length} article(s) to article_texts`);
    } catch (error) {
      this.logger.warn(`Article texts not moved (tried again at the next start): ${(error as Error).message}`);
    }
  }
}
