import { randomBytes } from 'node:crypto';
import { DomainError, ERROR_CODES } from '@agora/shared';
import { isDatabaseUnavailable } from '../../common/filters/all-exceptions.filter';
import type { RedisClient } from '../redis.module';
import { KeyedMutex } from './keyed-mutex';
import { retryTransient } from './transient-retry';

const LEASE_MS = 5000;
const WAIT_MS = 10_000;
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Serialises updates of one document across every API instance. FerretDB's SQLite backend updates a
 * document by reading it whole and writing it back whole, outside a transaction, so two concurrent
 * updates of different fields of one document can undo each other — an acknowledged edit can vanish
 * under a vote's totals update. Within a process a KeyedMutex orders the writers; with Redis, a short
 * lease (SET NX PX, released only by its holder) orders the processes.
 */
export class DocumentLock {
  private readonly local = new KeyedMutex();
  /** When a task holding the key last failed because the database was unreachable (cleared by a success). */
  private readonly unreachableAt = new Map<string, number>();

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  /** One database update of the document under the lock, tried again if SQLite refused it as busy. */
  write<T>(key: string | { toString(): string }, update: () => Promise<T>): Promise<T> {
    return this.run(String(key), () => retryTransient(update));
  }

  /**
   * Runs `task` holding the key. A task that waited while the one before it failed because the
   * database was unreachable fails at once the same way: it would only wait as long again (the
   * driver's server selection timeout) for the same answer, and during an outage a queue of them on a
   * popular node would hold each request for a multiple of that. Tasks that arrive later try afresh.
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const queuedAt = Date.now();
    return this.local.run(key, async () => {
      if ((this.unreachableAt.get(key) ?? -1) >= queuedAt) throw new DomainError(ERROR_CODES.DATABASE_UNAVAILABLE, 'The database is unavailable; try again shortly.');
      try {
        const result = await (this.redis ? this.leased(`${this.prefix}:${key}`, task) : task());
        this.unreachableAt.delete(key);
        return result;
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          if (this.unreachableAt.size > 10_000) this.unreachableAt.clear();
          this.unreachableAt.set(key, Date.now());
        }
        throw error;
      }
    });
  }

  private async leased<T>(key: string, task: () => Promise<T>): Promise<T> {
    const redis = this.redis!;
    const token = randomBytes(8).toString('hex');
    const deadline = Date.now() + WAIT_MS;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      if ((await redis.set(key, token, 'PX', LEASE_MS, 'NX')) === 'OK') break;
      if (Date.now() > deadline) throw new DomainError(ERROR_CODES.DATABASE_UNAVAILABLE, 'The item is busy; try again shortly.');
      await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
    }
    try {
      return await task();
    } finally {
      await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }
}
