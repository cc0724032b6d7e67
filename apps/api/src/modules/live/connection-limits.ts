/**
 * Counts open sockets by key (an address, an account) on this instance, each up to a limit: what a
 * single client may hold open, so that one address cannot take all of an instance's sockets.
 */
export class ConnectionCounts {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Takes a place for `key`; false (and nothing taken) when it has `limit` already. */
  take(key: string): boolean {
    const count = this.open.get(key) ?? 0;
    if (count >= this.limit) return false;
    this.open.set(key, count + 1);
    return true;
  }

  release(key: string): void {
    const count = (this.open.get(key) ?? 0) - 1;
    if (count > 0) this.open.set(key, count);
    else this.open.delete(key);
  }
}

/** At most `limit` events per `windowMs` for one socket (joins a minute). */
export class WindowCount {
  private start = 0;
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  allow(now = Date.now()): boolean {
    if (now - this.start >= this.windowMs) {
      this.start = now;
      this.count = 0;
    }
    return ++this.count <= this.limit;
  }
}
