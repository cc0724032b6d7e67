import type { RedisClient } from '../redis.module';

/** A mark this old has outlived any holder's lock lease (DocumentLock): whoever set it is gone. */
export const UNFINISHED_STALE_MS = 15_000;

/**
 * Marks of work in progress on derived figures (vote totals, children, strength up the path) that a
 * fast path moves by several writes in a row, with no transaction to make them all-or-nothing. The
 * work marks an item while holding the item's write lock and clears the mark when it is done; so a
 * mark found already there by the next holder of the lock means that an earlier holder died or
 * failed half-way, and the figures must be recomputed from their sources before going on. Marks
 * left by a crashed instance are also swept up after a while by whoever is still running.
 *
 * With Redis the marks outlive the instance that set them. Without it they live in this process,
 * which is then the only instance; they still catch work cut short by an error.
 */
export class UnfinishedWork {
  private readonly local = new Map<string, number>();
  private sweeper: NodeJS.Timeout | undefined;

  /** `key` names the Redis sorted set; it includes the database, so deployments sharing a Redis stay apart. */
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
  ) {}

  /** Marks the item (call holding its write lock); true when an earlier mark was left behind. */
  async begin(id: string): Promise<boolean> {
    if (!this.redis) {
      if (this.local.has(id)) return true;
      this.local.set(id, Date.now());
      return false;
    }
    return (await this.redis.zadd(this.key, 'NX', Date.now(), id)) === 0;
  }

  async end(id: string): Promise<void> {
    if (!this.redis) this.local.delete(id);
    else await this.redis.zrem(this.key, id);
  }

  /**
   * Runs a repair of the item (call holding its write lock) and clears the mark; with 'if-unfinished'
   * only when a mark was left behind, so that a sweep never redoes work someone has just finished.
   */
  async repair<T>(id: string, only: 'always' | 'if-unfinished', repair: () => Promise<T>, skipped: T): Promise<T> {
    const leftover = await this.begin(id);
    const result = only === 'always' || leftover ? await repair() : skipped;
    await this.end(id);
    return result;
  }

  async isMarked(id: string): Promise<boolean> {
    if (!this.redis) return this.local.has(id);
    return (await this.redis.zscore(this.key, id)) !== null;
  }

  /** Items marked more than `ageMs` ago: work whose owner has most likely died. */
  async stale(ageMs: number, limit = 100): Promise<string[]> {
    const before = Date.now() - ageMs;
    if (!this.redis) return [...this.local].filter(([, at]) => at <= before).slice(0, limit).map(([id]) => id);
    return this.redis.zrangebyscore(this.key, '-inf', before, 'LIMIT', 0, limit);
  }

  /** Sweeps every `everyMs` until stopped (see sweep). */
  startSweeping(everyMs: number, ageMs: number, repair: (id: string) => Promise<void>, logger: { warn(message: string): void }): void {
    this.sweeper = setInterval(() => void this.sweep(ageMs, repair, logger), everyMs);
    this.sweeper.unref();
  }

  stopSweeping(): void {
    clearInterval(this.sweeper);
  }

  /** Repairs, one after another, the items marked longer ago than `ageMs`; a failure waits for the next sweep. */
  async sweep(ageMs: number, repair: (id: string) => Promise<void>, logger: { warn(message: string): void }): Promise<void> {
    try {
      for (const id of await this.stale(ageMs)) await repair(id);
    } catch (error) {
      logger.warn(`repair of unfinished work (${this.key}) failed, to be tried again: ${(error as Error).message}`);
    }
  }
}
