/**
 * Gathers items for `lingerMs` and hands them to `write` together: for bookkeeping writes that nothing
 * waits for and whose loss a crash may cause anyway (the replay log, the clearing of pending marks),
 * so that SQLite's single writer takes one write where it would take many. Never for what a request
 * must have stored before it answers. A failed batch is reported and dropped: what it held is
 * bookkeeping its owners can do without (a replay answers resync, a mark left is repaired).
 */
export class WriteBatch<T> {
  private items: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly lingerMs: number,
    private readonly failed: (error: unknown, count: number) => void,
  ) {}

  add(item: T): void {
    this.items.push(item);
    this.timer ??= setTimeout(() => void this.flush(), this.lingerMs);
  }

  /** Writes what is gathered now; resolves once every batch so far is written (or failed). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const items = this.items;
    this.items = [];
    if (items.length) this.writing = this.writing.then(() => this.write(items).catch((error: unknown) => this.failed(error, items.length)));
    return this.writing;
  }
}
