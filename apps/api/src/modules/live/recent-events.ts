import type { StoredLiveEvent } from '@agora/shared';

/**
 * The latest events of each article as this instance delivered them, in seq order without gaps, so
 * that a reconnecting reader's replay is usually served from memory: on FerretDB a read of the event
 * log by article is a scan of the whole log, and a reconnect storm would make one per reader. At most
 * `perArticle` events for the `articles` most recently active: a few MB in practice, 150 MB if every
 * event carried a 5,000-character node.
 */
export class RecentEvents {
  /** Per article, most recently used last. */
  private readonly byArticle = new Map<string, StoredLiveEvent[]>();

  constructor(
    private readonly perArticle: number,
    private readonly articles = 50,
  ) {}

  /** Keeps an event just delivered; one that does not follow the last kept starts the run afresh. */
  add(event: StoredLiveEvent): void {
    if (this.perArticle === 0) return;
    const { articleId, seq } = event.payload;
    let run = this.byArticle.get(articleId);
    this.byArticle.delete(articleId);
    if (!run || run.at(-1)!.payload.seq !== seq - 1) run = [];
    run.push(event);
    // Trimmed a tenth at a time, so that trimming is rare.
    if (run.length > this.perArticle) run.splice(0, run.length - Math.floor(this.perArticle * 0.9));
    this.byArticle.set(articleId, run);
    if (this.byArticle.size > this.articles) this.byArticle.delete(this.byArticle.keys().next().value!);
  }

  /**
   * The events after `since`, when what is kept covers them from since + 1 on; null when it does not
   * (kept from later on, or not up to since + 1 yet): the log must answer then.
   */
  after(articleId: string, since: number): StoredLiveEvent[] | null {
    const run = this.byArticle.get(articleId);
    if (!run?.length) return null;
    const first = run[0].payload.seq;
    const last = run.at(-1)!.payload.seq;
    if (since + 1 < first || since + 1 > last) return null;
    return run.slice(since + 1 - first);
  }
}
