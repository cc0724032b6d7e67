import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isPublic, type ArgumentNode, type StoredLiveEvent } from '@agora/shared';
import { LiveService } from '../live/live.service';
import { NodesRepository } from '../nodes/nodes.repository';

interface Entry {
  articleId: string;
  text: string;
  createdAt: number;
  version: number;
}

/**
 * The words of every public argument, in memory: a read model with one way in (the live events every
 * instance receives, in order) and one way out (find). Read from the database once, at the first search,
 * because a text filter is a scan of the whole collection on FerretDB (and unindexed on MongoDB);
 * results are checked against the database before they are shown, so an index a moment behind never
 * shows a hidden post.
 */
@Injectable()
export class SearchIndex implements OnModuleInit {
  private entries: Map<string, Entry> | null = null;
  /** The articles listed when the index was read. */
  private articles = new Set<string>();
  private loading: Promise<Map<string, Entry>> | null = null;
  /** Events that came while the index was being read, applied once it is. */
  private early: ArgumentNode[] = [];

  constructor(
    private readonly nodes: NodesRepository,
    private readonly live: LiveService,
  ) {}

  onModuleInit(): void {
    this.live.onEvent((event) => this.apply(event));
  }

  /**
   * Ids of public arguments whose text matches, newest first. `articles`: the ids of the articles now
   * listed; one the index has not read yet (imported since, without events for its own sentences)
   * has the index read again.
   */
  async find(pattern: RegExp, limit: number, articles: readonly string[]): Promise<string[]> {
    if (this.entries && articles.some((id) => !this.articles.has(id))) this.entries = null;
    const entries = await this.load(articles);
    const hits: [string, Entry][] = [];
    for (const hit of entries) if (pattern.test(hit[1].text)) hits.push(hit);
    return hits
      .sort((a, b) => b[1].createdAt - a[1].createdAt)
      .slice(0, limit)
      .map(([id]) => id);
  }

  private apply(event: StoredLiveEvent): void {
    // A revision rewrites the article's own nodes without an event each: the index is read again when next searched.
    if (event.name === 'article:revised') {
      this.entries = null;
      this.loading = null;
      return;
    }
    if (event.name !== 'node:created' && event.name !== 'node:updated') return;
    if (this.entries) this.put(this.entries, event.payload.node);
    else if (this.loading) this.early.push(event.payload.node);
  }

  private put(entries: Map<string, Entry>, node: ArgumentNode): void {
    const held = entries.get(node.id);
    if (held && held.version > node.version) return;
    if (!isPublic(node.status) || node.withdrawn) entries.delete(node.id);
    // An event read back from the replay log carries no text (it keeps none): what is held stays.
    else if (node.text) entries.set(node.id, { articleId: node.articleId, text: node.text, createdAt: Date.parse(node.createdAt), version: node.version });
  }

  private load(articles: readonly string[]): Promise<Map<string, Entry>> {
    if (this.entries) return Promise.resolve(this.entries);
    this.loading ??= this.nodes
      .findPublicTexts()
      .then((rows) => {
        const entries = new Map<string, Entry>();
        for (const n of rows) if (!n.withdrawn) entries.set(String(n._id), { articleId: String(n.articleId), text: n.text, createdAt: new Date(n.createdAt).getTime(), version: n.version ?? 0 });
        for (const node of this.early) this.put(entries, node);
        this.early = [];
        this.entries = entries;
        this.articles = new Set(articles);
        return entries;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
