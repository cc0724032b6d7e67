import { Inject, Injectable, Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ArticlesService } from './articles.service';

export interface SeedOutcome {
  file: string;
  status: 'imported' | 'unchanged' | 'failed';
  articleId?: string;
  title?: string;
  paragraphs?: number;
  error?: string;
}

/** Imports article files idempotently: an unchanged text (same hash) is never imported twice. */
@Injectable()
export class SeedImporter {
  private readonly logger = new Logger('Seeds');

  constructor(
    private readonly articles: ArticlesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every .txt and .md file in the seed folder. */
  seedFiles(): string[] {
    const dir = this.config.SEED_DIR;
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => /\.(txt|md|markdown)$/i.test(f))
      .sort()
      .map((f) => join(dir, f));
  }

  async importFiles(files: string[]): Promise<SeedOutcome[]> {
    const outcomes: SeedOutcome[] = [];
    for (const file of files) {
      const path = resolve(file);
      try {
        const { article, created } = await this.articles.import({ text: readFileSync(path, 'utf8') });
        outcomes.push({ file: path, status: created ? 'imported' : 'unchanged', articleId: article.id, title: article.title, paragraphs: article.paragraphs.length });
        // ArticlesService says what an import created; the ready line counts the outcomes.
        this.logger.debug(`${created ? 'Imported' : 'Already present'}: ${article.title} (${path})`);
      } catch (error) {
        outcomes.push({ file: path, status: 'failed', error: (error as Error).message });
        this.logger.error(`Could not import ${path}: ${(error as Error).message}`);
      }
    }
    return outcomes;
  }
}
