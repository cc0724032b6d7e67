import type { StoredLiveEvent } from '@agora/shared';
import type { LogPageRef } from './live-log.repository';

/** Where the writer keeps an article's log: pages of events in seq order (see LiveLogRepository). */
export interface ReplayLogStore {
  /** Stores a batch as one page; null when its first seq was taken. */
  append(articleId: string, events: readonly StoredLiveEvent[]): Promise<LogPageRef | null>;
  /** The article's pages as stored, oldest first. */
  pageRefs(articleId: string): Promise<LogPageRef[]>;
  remove(ids: readonly string[]): Promise<void>;
}

interface ArticleLog {
  pending: StoredLiveEvent[];
  writing: Promise<void> | null;
}

export interface ReplayLogOptions {
  /** Writes of an article start at least this far apart. */
  lingerMs?: number;
  /** Events kept per article: a page goes once this many newer events are stored. */
  keep: number;
}

/** What the writer remembers of an article it has written: when its last write started, and its pages. */
interface ArticleWrites {
  lastWriteAt: number;
  /** Stored pages, oldest first; null when not known (listed from the log at the next write). */
  pages: LogPageRef[] | null;
}

/** Articles the writer remembers; one it has forgotten is long past its linger, and has its pages listed again. */
const REMEMBERED_ARTICLES = 1000;

/**
 * Stores events already delivered (a single instance without Redis) in the replay log, one page per
 * batch: group commit. The events of an article used to be stored one by one inside its publishing
 * turn, so every event waited for the write of the one before it: under load, readers' events were
 * as slow as the database's single writer. Now the turn only hands its event over; the events gather
 * while a write is on its way, and writes start at least `lingerMs` apart. Each write of the
 * log takes SQLite's single write lock, which votes and replies wait for too: under load, lingering
 * turns about one log write per vote into one per several.
 *
 * Being the log's only writer, it also knows every page and removes each by _id once `keep` newer
 * events are stored: a removal by seq reads the whole log on FerretDB, and was 40% of the database's
 * CPU in the reply bench. Pages stored before this process started are listed once per article.
 *
 * A replay from the log must not run between an event's delivery and its storing: it waits for
 * `idle` inside the article's turn (no event can be added meanwhile).
 */
export class ReplayLogWriter {
  private readonly logs = new Map<string, ArticleLog>();
  /** Least recently written article first. */
  private readonly written = new Map<string, ArticleWrites>();
  private readonly lingerMs: number;
  private readonly keep: number;

  constructor(
    private readonly store: ReplayLogStore,
    private readonly warn: (message: string) => void,
    options: ReplayLogOptions,
  ) {
    this.lingerMs = options.lingerMs ?? 0;
    this.keep = options.keep;
  }

  add(event: StoredLiveEvent): void {
    const articleId = event.payload.articleId;
    let log = this.logs.get(articleId);
    if (!log) this.logs.set(articleId, (log = { pending: [], writing: null }));
    log.pending.push(event);
    log.writing ??= this.drain(articleId, log);
  }

  /** Resolves once every event added for the article so far is stored (or its storing has failed). */
  idle(articleId: string): Promise<void> {
    return this.logs.get(articleId)?.writing ?? Promise.resolve();
  }

  /** Resolves once every event added so far, of any article, is stored (for a clean shutdown). */
  async idleAll(): Promise<void> {
    while (this.logs.size) await Promise.all([...this.logs.values()].map((log) => log.writing));
  }

  private async drain(articleId: string, log: ArticleLog): Promise<void> {
    while (log.pending.length) {
      // Writes of an article start at least lingerMs apart: at once after a quiet moment, gathered
      // under load. Either way the events of this turn of the event loop join the write.
      const wait = (this.written.get(articleId)?.lastWriteAt ?? Number.NEGATIVE_INFINITY) + this.lingerMs - Date.now();
      await (wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve());
      const writes = { lastWriteAt: Date.now(), pages: this.written.get(articleId)?.pages ?? null };
      this.written.delete(articleId);
      this.written.set(articleId, writes);
      if (this.written.size > REMEMBERED_ARTICLES) this.written.delete(this.written.keys().next().value!);
      const batch = log.pending.splice(0);
      const seqs = `${batch[0].payload.seq}..${batch[batch.length - 1].payload.seq}`;
      try {
        const page = await this.store.append(articleId, batch);
        if (page) await this.removePagesPast(articleId, writes, page);
        else {
          writes.pages = null;
          this.warn(`events ${articleId}:${seqs} were delivered, but another process had stored seq ${batch[0].payload.seq}: is a second instance running without REDIS_URL?`);
        }
      } catch (error) {
        // Whether the page was stored is unknown: the article's pages are listed again at its next write.
        writes.pages = null;
        // Readers here have them; one replaying past them later finds a gap in the log and is told to reload.
        this.warn(`events ${articleId}:${seqs} were delivered but not stored for replay: ${(error as Error).message}`);
      }
    }
    log.writing = null;
    this.logs.delete(articleId);
  }

  /**
   * Notes the page just stored and removes the article's pages whose every event is older than the
   * newest `keep`. The article's pages are listed from the log the first time (or once forgotten);
   * a page that fails to go stays tracked, for the next write.
   */
  private async removePagesPast(articleId: string, writes: ArticleWrites, stored: LogPageRef): Promise<void> {
    try {
      if (writes.pages) writes.pages.push(stored);
      else writes.pages = await this.store.pageRefs(articleId); // the page just stored among them
      const pages = writes.pages;
      let past = 0;
      while (past < pages.length && pages[past].lastSeq <= stored.lastSeq - this.keep) past++;
      if (!past) return;
      await this.store.remove(pages.slice(0, past).map((p) => p.id));
      pages.splice(0, past);
    } catch (error) {
      this.warn(`old replay log pages of ${articleId} not removed yet: ${(error as Error).message}`);
    }
  }
}
