/** How WriteBehind stores one key: `task` runs holding whatever orders that key's writes (its lock). */
export interface WriteBehindStore<V> {
  lock(key: string, task: () => Promise<void>): Promise<void>;
  write(key: string, value: V): Promise<void>;
}

/** After a round with a failed write (the database is down?), the next one waits this long, unless told otherwise. */
const RETRY_MS = 1000;

interface Entry<V> {
  value: V;
  /** The set that made this value. */
  generation: number;
  /** The oldest set this value holds that is not stored yet (what readers wait for). */
  since: number;
}

/**
 * Values that are set in memory at once and stored later, once per key per round, for a single
 * instance without Redis (the only writer, so what it holds in memory is the newest there is).
 *
 * Why: every vote moved its node's figures, every reply its parent's and its article's count, each
 * in a write of its own, and all of them queue for SQLite's single writer; a node voted on twenty
 * times in a round is now written once. What is not stored yet is laid over what the database
 * returns (`get`), so reads see it at once; a crash loses only derived figures, which the start-up
 * audit recomputes from the votes and nodes themselves.
 *
 * Every `set` of a key must be made holding the key's lock (the one `store.lock` takes), so that a
 * value is never changed while it is being written. Rounds start at least `lingerMs` apart: at once
 * after a quiet moment, gathered under load; after a failed write, `retryMs` later.
 *
 * A read that does not hold the lock goes through `read`: its query may have read a key before a
 * store that ends before it returns, when the value is no longer pending; so a stored value is kept
 * (`retained`) for as long as a read that began before its store is under way.
 */
export class WriteBehind<V extends object> {
  private readonly pending = new Map<string, Entry<V>>();
  private generation = 0;
  private running: Promise<void> | null = null;
  private nextRoundAt = Number.NEGATIVE_INFINITY;
  /** Ends the wait for the next round early (see `flush`). */
  private startRound: (() => void) | null = null;
  private readonly waiters: { through: number; resolve: () => void }[] = [];
  /** Stores made so far; a read notes the count when it begins. */
  private stores = 0;
  /** The latest value stored of each key, while a read that began before that store is under way. */
  private readonly retained = new Map<string, { value: V; storedAt: number }>();
  /** Reads under way, by the store count when they began. */
  private readonly readsFrom = new Map<number, number>();

  constructor(
    private readonly store: WriteBehindStore<V>,
    private readonly lingerMs: number,
    /** Told once per round of the keys whose write failed (they stay pending), with the first error. */
    private readonly failed: (keys: string[], error: unknown) => void,
    private readonly retryMs = RETRY_MS,
  ) {}

  /** The key's value not stored yet, if any: for a caller holding the key's lock (no store can end meanwhile). */
  get(key: string): V | undefined {
    return this.pending.get(key)?.value;
  }

  /**
   * Runs a database read made without the keys' locks and gives `lay` what to lay over its result:
   * each key's value not stored yet, or stored since the read began (the query may have missed it).
   */
  async read<T>(query: () => Promise<T>, lay: (result: T, valueOf: (key: string) => V | undefined) => T): Promise<T> {
    const startedAt = this.stores;
    this.readsFrom.set(startedAt, (this.readsFrom.get(startedAt) ?? 0) + 1);
    try {
      const result = await query();
      return lay(result, (key) => {
        const pending = this.pending.get(key)?.value;
        const kept = this.retained.get(key);
        // A value holds the fields set since the one before it was stored: what was stored during the
        // read goes under what is pending now.
        if (kept && kept.storedAt > startedAt) return pending ? { ...kept.value, ...pending } : kept.value;
        return pending;
      });
    } finally {
      const left = this.readsFrom.get(startedAt)! - 1;
      if (left) this.readsFrom.set(startedAt, left);
      else this.readsFrom.delete(startedAt);
      this.pruneRetained();
    }
  }

  /** `read` for a query of documents keyed by their `_id`: `lay` gives each one its value, if any. */
  readEach<T extends { _id: unknown }>(query: () => Promise<T[]>, lay: (doc: T, value: V | undefined) => T): Promise<T[]> {
    return this.read(query, (docs, valueOf) => docs.map((doc) => lay(doc, valueOf(String(doc._id)))));
  }

  /** `readEach` for a query of one document, or none. */
  async readOne<T extends { _id: unknown }>(query: () => Promise<T | null>, lay: (doc: T, value: V | undefined) => T): Promise<T | null> {
    const [doc] = await this.readEach(async () => {
      const found = await query();
      return found ? [found] : [];
    }, lay);
    return doc ?? null;
  }

  /** Sets the key's value from the one pending (undefined: nothing pending); it is stored at a coming round. */
  set(key: string, next: (pending: V | undefined) => V): void {
    const before = this.pending.get(key);
    const generation = ++this.generation;
    this.pending.set(key, { value: next(before?.value), generation, since: before?.since ?? generation });
    this.running ??= this.run();
  }

  /** Drops what is pending for the key: `stored` was just stored in its place, holding the key's lock. */
  drop(key: string, stored: V): void {
    this.pending.delete(key);
    this.noteStored(key, stored);
    this.wakeWaiters();
  }

  /** Resolves once every value set before the call is stored, or after `maxWaitMs`. */
  settled(maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    if (!this.pending.size) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = Number.isFinite(maxWaitMs) ? setTimeout(() => finish(), maxWaitMs) : undefined;
      const finish = () => {
        clearTimeout(timer);
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        resolve();
      };
      const waiter = { through: this.generation, resolve: finish };
      this.waiters.push(waiter);
    });
  }

  /** Starts the next round now rather than after the linger, and resolves as `settled` does: before shutting down. */
  flush(maxWaitMs?: number): Promise<void> {
    this.nextRoundAt = Number.NEGATIVE_INFINITY;
    this.startRound?.();
    return this.settled(maxWaitMs);
  }

  private async run(): Promise<void> {
    while (this.pending.size) {
      const wait = this.nextRoundAt - Date.now();
      await new Promise<void>((resolve) => {
        if (wait <= 0) return void setImmediate(resolve);
        const timer = setTimeout(resolve, wait);
        this.startRound = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.startRound = null;
      this.nextRoundAt = Date.now() + this.lingerMs;
      const keys = [...this.pending.keys()];
      // One write at a time: SQLite has one writer, and writes made side by side by FerretDB's
      // connections wait on SQLite's busy handler, whose sleeps (1, 2, 5, 10... ms) held the requests
      // that met them, and a vote's live event, for up to 50 ms (fan-out bench: p99 up to 2.5x bare
      // socket.io, 1.03-1.18x since).
      const errors: unknown[] = [];
      for (const key of keys) errors.push(await this.storeOne(key));
      const failedKeys = keys.filter((_, i) => errors[i] !== null);
      if (failedKeys.length) {
        this.nextRoundAt = Date.now() + this.retryMs;
        this.failed(failedKeys, errors.find((e) => e !== null));
      }
      this.wakeWaiters();
    }
    this.running = null;
  }

  /** Stores the key's newest value holding its lock; what went wrong if that failed (it stays pending), else null. */
  private async storeOne(key: string): Promise<unknown> {
    try {
      await this.store.lock(key, async () => {
        const entry = this.pending.get(key);
        if (!entry) return;
        await this.store.write(key, entry.value);
        this.noteStored(key, entry.value);
        const now = this.pending.get(key);
        if (now === entry) this.pending.delete(key);
        else if (now) now.since = entry.generation + 1;
      });
      return null;
    } catch (error) {
      return error ?? new Error('write failed');
    }
  }

  private noteStored(key: string, value: V): void {
    this.stores++;
    if (!this.readsFrom.size) return;
    const kept = this.retained.get(key);
    this.retained.set(key, { value: kept ? { ...kept.value, ...value } : value, storedAt: this.stores });
  }

  /** Forgets stored values that every read under way began after. */
  private pruneRetained(): void {
    if (!this.retained.size) return;
    const oldestRead = this.readsFrom.size ? Math.min(...this.readsFrom.keys()) : Number.POSITIVE_INFINITY;
    for (const [key, kept] of this.retained) if (kept.storedAt <= oldestRead) this.retained.delete(key);
  }

  private wakeWaiters(): void {
    let oldest = Number.POSITIVE_INFINITY;
    for (const entry of this.pending.values()) oldest = Math.min(oldest, entry.since);
    for (const waiter of [...this.waiters]) if (waiter.through < oldest) waiter.resolve();
  }
}
