import type { StoredLiveEvent } from '@agora/shared';

/** Where the writer stores a batch of one article's events, in seq order; false when a seq was taken. */
export type StoreEvents = (articleId: string, events: readonly StoredLiveEvent[]) => Promise<boolean>;

interface ArticleLog {
  pending: StoredLiveEvent[];
  writing: Promise<void> | null;
}

/**
 * Stores events already delivered (a single instance without Redis) in the replay log, one insert per
 * batch: group commit. The events of an article used to be stored one by one inside its publishing
 * turn, so every event waited for the write of the one before it: under load, readers' events were
 * as slow as the database's single writer. Now the turn only hands its event over; the events gather
 * while a write is on its way, and writes start at least `lingerMs` apart. Each write of the
 * log takes SQLite's single write lock, which votes and replies wait for too: under load, lingering
 * turns about one log write per vote into one per several.
 *
 * A replay from the log must not run between an event's delivery and its storing: it waits for
 * `idle` inside the article's turn (no event can be added meanwhile).
 */
export class ReplayLogWriter {
  private readonly logs = new Map<string, ArticleLog>();
  /** When each article's last write started. */
  private readonly lastWriteAt = new Map<string, number>();

  constructor(
    private readonly store: StoreEvents,
    private readonly warn: (message: string) => void,
    private readonly lingerMs = 0,
  ) {}

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
      const wait = (this.lastWriteAt.get(articleId) ?? Number.NEGATIVE_INFINITY) + this.lingerMs - Date.now();
      await (wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve());
      this.lastWriteAt.delete(articleId);
      this.lastWriteAt.set(articleId, Date.now());
      // The article written longest ago is long past its linger.
      if (this.lastWriteAt.size > 1000) this.lastWriteAt.delete(this.lastWriteAt.keys().next().value!);
      const batch = log.pending.splice(0);
      const seqs = `${batch[0].payload.seq}..${batch[batch.length - 1].payload.seq}`;
      try {
        if (!(await this.store(articleId, batch))) this.warn(`events ${articleId}:${seqs} were delivered, but another process had stored one of those seqs: is a second instance running without REDIS_URL?`);
      } catch (error) {
        // Readers here have them; one replaying past them later finds a gap in the log and is told to reload.
        this.warn(`events ${articleId}:${seqs} were delivered but not stored for replay: ${(error as Error).message}`);
      }
    }
    log.writing = null;
    this.logs.delete(articleId);
  }
}
