import { Injectable } from '@nestjs/common';
import { debateExport, DomainError, ERROR_CODES, toAif, toArgdown, type ExportFormat } from '@agora/shared';
import { ArticleTrees } from '../article-tree/article-trees';
import { toArticleSummary } from '../articles/article.mapper';
import { ArticlesRepository } from '../articles/articles.repository';

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

const FILES: Record<ExportFormat, { contentType: string; extension: string }> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  aif: { contentType: 'application/json; charset=utf-8', extension: 'aif.json' },
  argdown: { contentType: 'text/plain; charset=utf-8', extension: 'argdown' },
};

/** A debate in the exchange formats: Agora's JSON, Argdown, AIF. Public arguments only, as any reader sees them. */
@Injectable()
export class ExchangeService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly trees: ArticleTrees,
  ) {}

  async export(articleId: string, format: ExportFormat): Promise<ExportFile> {
    const article = await this.articles.findSummaryById(articleId);
    if (!article) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    const summary = toArticleSummary(article, null);
    const tree = await this.trees.tree(articleId);
    const debate = debateExport({ id: summary.id, title: summary.title, metadata: summary.metadata, createdAt: summary.createdAt }, tree.all(), new Date().toISOString());
    const body = format === 'argdown' ? toArgdown(debate) : JSON.stringify(format === 'aif' ? toAif(debate) : debate);
    const file = FILES[format];
    return { body, contentType: file.contentType, filename: `${article.slug}.${file.extension}` };
  }
}
