import { Injectable } from '@nestjs/common';
import { excerpt, excerptAround, searchPattern, type SearchQuery, type SearchResponse, type SearchResult } from '@agora/shared';
import { ArticlesRepository } from '../articles/articles.repository';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { SearchIndex } from './search-index';

/**
 * Search over articles (title) and public arguments (text): only what anyone may read, so every reader
 * gets the same answer. Articles first, then the newest matching arguments.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly nodes: NodesRepository,
    private readonly index: SearchIndex,
  ) {}

  async search({ q, limit }: SearchQuery): Promise<SearchResponse> {
    const pattern = searchPattern(q);
    const articles = await this.articles.list();
    const ids = await this.index.find(pattern, limit, articles.map((a) => String(a._id)));
    // As stored now: the index may be a moment behind a hide or an edit.
    const found = new Map((await this.nodes.findManyByIds(ids)).map((n) => [String(n._id), n]));
    const nodes = ids.map((id) => found.get(id)).filter((n): n is NodeRecord => n !== undefined && n.status === 'visible' && pattern.test(n.text));
    const titles = new Map(articles.map((a) => [String(a._id), a.title]));
    const items: SearchResult[] = articles
      .filter((a) => pattern.test(a.title))
      .map((a) => ({ kind: 'article' as const, id: String(a._id), articleId: String(a._id), title: a.title, excerpt: excerpt(a.title) }));
    for (const n of nodes) {
      const title = titles.get(String(n.articleId));
      // An argument of an article not (or no longer) listed is not listed either.
      if (title !== undefined && !n.withdrawn) items.push({ kind: 'node', id: String(n._id), articleId: String(n.articleId), title, excerpt: excerptAround(n.text, q.trim().split(/\s+/)[0]) });
    }
    return { items: items.slice(0, limit) };
  }
}
