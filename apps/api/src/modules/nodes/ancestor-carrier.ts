import type { ChildEntry } from './node.model';

/** A child's entry for its parent. */
export interface Carry {
  parentId: string;
  /** `version`: the child's figuresVersion when it had this entry, so that a newer entry is never replaced by an older. */
  child: { id: string; entry: ChildEntry; version: number };
  /** Go on to the root whatever moves (a repair: interrupted work may have left any level behind). */
  thorough?: boolean;
}

/** What a parent is to take from its children at its next settling. */
export interface PendingCarry {
  parentId: string;
  /** Each child's newest entry, to replace the one the parent holds (never to add one). */
  entries: Map<string, { entry: ChildEntry; version: number }>;
  thorough: boolean;
  /** The earliest round whose carries this one continues (see `settled`). */
  origin: number;
}

/** Settles one parent with what was carried to it; returns what that settling carries further up. */
export type SettleParent = (pending: PendingCarry) => Promise<Carry[]>;

/**
 * Carries children's strengths to their parents after the request that changed them, gathering
 * what reaches one parent into one settling of it (group commit). Every vote on a reply moves its
 * paragraph claim and the article's root; carried one vote at a time, those two writes were most
 * of a vote's work, and every vote queued behind SQLite's single writer for them.
 *
 * Only for a single instance without Redis: a child's entries are handed over while the child's lock
 * is held, in this process, and of two entries of one child waiting for a parent the newer (by the
 * child's figuresVersion) is kept; across processes, an older entry could be settled after a newer
 * one. Entries only replace what a parent holds, so that a child that left public view meanwhile (its
 * parent rebuilt without it) is not brought back.
 *
 * Rounds: every parent gathered is settled (in parallel: different locks); what those settlings carry
 * up goes into a later round. Rounds start at least `lingerMs` apart, so carries gather under load.
 */
export class AncestorCarrier {
  private pending = new Map<string, PendingCarry>();
  private running: Promise<void> | null = null;
  /** Rounds started so far, and when the last one started. */
  private round = 0;
  private lastRoundAt = Number.NEGATIVE_INFINITY;
  private readonly waiters: { through: number; resolve: () => void }[] = [];

  constructor(
    private readonly settle: SettleParent,
    private readonly lingerMs: number,
    private readonly failed: (parentId: string, error: unknown) => void,
    /** Called once each round is settled (to publish what it moved together). */
    private readonly roundSettled: () => void = () => undefined,
  ) {}

  /** Whether a round is under way or due: one will follow whatever is handed over now. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Hands a child's entry to its parent's next settling. */
  carry(carry: Carry): void {
    this.add(carry, this.round + 1);
    this.running ??= this.run();
  }

  /**
   * Resolves once what was carried before the call is settled up to the root (or has failed), or after
   * `maxWaitMs`, whichever comes first. Carries made later do not hold it up, so that readers waiting
   * for it are not kept waiting by a steady load.
   */
  settled(maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = Number.isFinite(maxWaitMs) ? setTimeout(resolve, maxWaitMs) : undefined;
      this.waiters.push({
        through: this.round + 1,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  private add({ parentId, child, thorough = false }: Carry, origin: number): void {
    let pending = this.pending.get(parentId);
    if (!pending) this.pending.set(parentId, (pending = { parentId, entries: new Map(), thorough: false, origin }));
    if ((pending.entries.get(child.id)?.version ?? -1) <= child.version) pending.entries.set(child.id, { entry: child.entry, version: child.version });
    pending.thorough ||= thorough;
    pending.origin = Math.min(pending.origin, origin);
  }

  private async run(): Promise<void> {
    while (this.pending.size) {
      // A round starts at least lingerMs after the one before: at once after a quiet moment (a lone
      // vote's ancestors follow it straight away), gathered under load.
      const wait = this.lastRoundAt + this.lingerMs - Date.now();
      await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
      this.lastRoundAt = Date.now();
      const round = [...this.pending.values()];
      this.pending = new Map();
      this.round++;
      const further = await Promise.all(
        round.map((pending) =>
          this.settle(pending).then(
            (carries) => carries.map((carry) => ({ carry, origin: pending.origin })),
            (error: unknown) => {
              this.failed(pending.parentId, error);
              return [];
            },
          ),
        ),
      );
      for (const { carry, origin } of further.flat()) this.add(carry, origin);
      this.roundSettled();
      this.wakeWaiters();
    }
    this.running = null;
    this.wakeWaiters();
  }

  /** Wakes the waiters none of whose carries (those of rounds up to theirs, and what they led to) is still pending. */
  private wakeWaiters(): void {
    const earliest = Math.min(...[...this.pending.values()].map((p) => p.origin));
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].through < earliest) {
        this.waiters[i].resolve();
        this.waiters.splice(i, 1);
      }
    }
  }
}
