import type { RedisClient } from '../redis.module';

/** An entry this old is loaded again even if no change was announced: the backstop should a bump be lost. */
export const MODERATED_FACT_MAX_AGE_MS = 30_000;
/** Past this many entries the cache starts over: entries are cheap to load again, memory is not free. */
const MAX_ENTRIES = 50_000;

/** Where a request began among this process's epoch reads (see `mark`). */
export type FactsMark = number;

interface Entry {
  epoch: string;
  at: number;
  value: unknown;
}

/**
 * Facts that only moderation changes and every write reads: an account's role and standing, whether
 * an article or a thread is locked. Reading them from the database cost a vote four of its ~14 round
 * trips, so each process keeps them, for as long as one shared epoch stays where it was when the fact
 * was loaded. Every change of such a fact moves the epoch once it is stored (a Redis counter shared by
 * the instances; without Redis, this process's own count), so a request that starts after the change
 * was acknowledged sees it, on any instance. What the facts cost a request then is one Redis GET: a
 * request marks where it began (`mark`), and any epoch read issued after that serves all its facts.
 *
 * While Redis is not ready the facts are read from the database, as before there was a cache (reads
 * go on during a Redis outage; writes are refused anyway). Entries also expire after
 * MODERATED_FACT_MAX_AGE_MS, in case a change was stored and its epoch move failed.
 */
export class ModeratedFacts {
  private localEpoch = 0;
  private readonly entries = new Map<string, Entry>();
  /** Epoch reads issued so far: what a mark is measured against. */
  private issued = 0;
  /**
   * The latest epoch read, numbered, and whether this synchronous turn issued it: then every fact asked
   * for in the turn shares it (a vote asks three at once).
   */
  private latest: { n: number; read: Promise<string | null>; thisTurn: boolean } | null = null;

  /** `key` names the Redis counter; it includes the database, so deployments sharing a Redis stay apart. */
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
  ) {}

  /**
   * Where a request begins: every epoch read issued after this may serve it, as it started after any
   * change acknowledged before then. Taken once, before its first fact, it saves the request a Redis
   * round trip for each later step that asks for facts (the account, then its article and thread).
   */
  mark(): FactsMark {
    return this.issued;
  }

  /**
   * The fact under `key`, from the cache while no change has been announced since it was loaded. Null
   * and undefined are not kept. `since`: the asking request's mark; without it, only a read issued in
   * this synchronous turn is shared.
   */
  async get<T>(key: string, load: () => Promise<T>, since?: FactsMark): Promise<T> {
    const epoch = await this.epoch(since);
    if (epoch === null) return load();
    const hit = this.entries.get(key);
    if (hit && hit.epoch === epoch && Date.now() - hit.at < MODERATED_FACT_MAX_AGE_MS) return hit.value as T;
    const value = await load();
    // Tagged with the epoch read before loading: a change stored meanwhile moves the epoch past it.
    if (value !== null && value !== undefined) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { epoch, at: Date.now(), value });
    }
    return value;
  }

  /**
   * Runs `change`, a write of one or more moderated facts, and then announces it, also when the write
   * failed: it may have been stored all the same.
   */
  async changing<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } finally {
      this.localEpoch++;
      this.entries.clear();
      if (this.redis) await this.redis.incr(this.key);
    }
  }

  /**
   * The current epoch, or null while Redis is configured but not ready. Calls in one synchronous turn
   * share one read: it is issued in that turn, so it still comes after any change acknowledged before
   * the request that asks.
   */
  private epoch(since?: FactsMark): Promise<string | null> {
    if (!this.redis) return Promise.resolve(String(this.localEpoch));
    if (this.redis.status !== 'ready') return Promise.resolve(null);
    const latest = this.latest;
    if (latest && (latest.thisTurn || (since !== undefined && latest.n > since))) return latest.read;
    const read = this.redis.get(this.key).then(
      (value) => value ?? '0',
      () => null,
    );
    const issued = { n: ++this.issued, read, thisTurn: true };
    this.latest = issued;
    process.nextTick(() => (issued.thisTurn = false));
    return read;
  }
}
