import { KeyedMutex } from './keyed-mutex';
import { WriteBehind } from './write-behind';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A store that records what it wrote, taking a KeyedMutex per key as a repository takes its lock. */
function storeOf({ lingerMs = 5, retryMs = 20, writeMs = 2 } = {}) {
  const locks = new KeyedMutex();
  const stored = new Map<string, number>();
  const writes: [string, number][] = [];
  const failures: string[] = [];
  let failing = false;
  const sut = new WriteBehind<{ n: number }>(
    {
      lock: (key, task) => locks.run(key, task),
      write: async (key, { n }) => {
        await tick(writeMs);
        if (failing) throw new Error('database away');
        writes.push([key, n]);
        stored.set(key, n);
      },
    },
    lingerMs,
    (keys) => failures.push(...keys),
    retryMs,
  );
  /** A set made as callers make it: holding the key's lock. */
  const add = (key: string, by: number) => locks.run(key, async () => sut.set(key, (pending) => ({ n: (pending?.n ?? stored.get(key) ?? 0) + by })));
  return { sut, stored, writes, failures, add, locks, fail: (on: boolean) => (failing = on) };
}

describe('WriteBehind', () => {
  it('stores each key once for every set gathered while a round was under way', async () => {
    const { sut, stored, writes, add } = storeOf({ lingerMs: 30 });
    await add('a', 1);
    // The first round starts at once (a quiet moment before); these gather for the next one.
    await tick(1);
    for (let i = 0; i < 10; i++) await add('a', 1);
    await add('b', 5);
    await sut.settled();
    expect(stored).toEqual(new Map([['a', 11], ['b', 5]]));
    expect(writes.filter(([key]) => key === 'a').length).toBeLessThanOrEqual(3);
    expect(sut.get('a')).toBeUndefined();
  });

  it('stores the keys of a round one at a time', async () => {
    let writing = 0;
    let most = 0;
    const sut = new WriteBehind<{ n: number }>(
      {
        lock: (_key, task) => task(),
        write: async () => {
          most = Math.max(most, ++writing);
          await tick(2);
          writing--;
        },
      },
      5,
      () => undefined,
    );
    for (const key of ['a', 'b', 'c', 'd']) sut.set(key, () => ({ n: 1 }));
    await sut.settled();
    expect(most).toBe(1);
  });

  it('shows a value not stored yet, and nothing once it is', async () => {
    const { sut, add } = storeOf({ lingerMs: 50 });
    await add('a', 2);
    await tick(1);
    await add('a', 3);
    expect(sut.get('a')?.n).toBe(5);
    await sut.settled();
    expect(sut.get('a')).toBeUndefined();
  });

  it('lets a reader through once what was set before it is stored, while later sets keep coming', async () => {
    const { sut, stored, add } = storeOf({ lingerMs: 5 });
    await add('a', 1);
    let more = true;
    const feeding = (async () => {
      while (more) {
        await add('a', 1);
        await tick(1);
      }
    })();
    await sut.settled(5000);
    const seen = stored.get('a') ?? 0;
    more = false;
    await feeding;
    expect(seen).toBeGreaterThanOrEqual(1);
    await sut.settled();
    expect(stored.get('a')).toBeGreaterThan(seen);
  });

  it('keeps a value whose write failed, says so, and stores it once writes succeed again', async () => {
    const { sut, stored, failures, add, fail } = storeOf({ retryMs: 20 });
    fail(true);
    await add('a', 4);
    await tick(15);
    expect(failures).toContain('a');
    expect(sut.get('a')?.n).toBe(4);
    fail(false);
    await sut.settled();
    expect(stored.get('a')).toBe(4);
  });

  it('gives up waiting after maxWaitMs while writes fail, leaving the value pending', async () => {
    const { sut, add, fail } = storeOf();
    fail(true);
    await add('a', 1);
    const started = Date.now();
    await sut.settled(60);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(sut.get('a')?.n).toBe(1);
    fail(false);
    await sut.settled();
  });

  it('forgets what was dropped: a value stored whole meanwhile is not written over', async () => {
    const { sut, stored, writes, add, locks } = storeOf({ lingerMs: 50 });
    await add('a', 1);
    await tick(1);
    await add('a', 1);
    await locks.run('a', async () => {
      stored.set('a', 100);
      sut.drop('a', { n: 100 });
    });
    await sut.settled();
    expect(stored.get('a')).toBe(100);
    expect(writes.filter(([key]) => key === 'a').every(([, value]) => value === 1)).toBe(true);
  });

  it('lays a value stored during a read over what that read\'s query found, since the query may have missed it', async () => {
    const { sut, stored, add } = storeOf({ lingerMs: 0 });
    await add('a', 1);
    await sut.settled();
    await add('a', 1);
    // The query reads the stored value, then the pending one is stored before the read lays anything over.
    const read = sut.read(
      async () => {
        const found = stored.get('a');
        await sut.settled();
        return found;
      },
      (found, valueOf) => valueOf('a')?.n ?? found,
    );
    await expect(read).resolves.toBe(2);
    // Once no read that began before the store is under way, nothing is kept: reads get the database's value.
    await expect(sut.read(async () => stored.get('a'), (found, valueOf) => valueOf('a')?.n ?? -1)).resolves.toBe(-1);
  });

  it('stores at once when flushed, without waiting out the linger (shutdown)', async () => {
    const { sut, stored, add } = storeOf({ lingerMs: 60_000 });
    await add('a', 1);
    await sut.settled();
    await add('a', 1);
    const started = Date.now();
    await sut.flush();
    expect(stored.get('a')).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('lays every field stored during a read, not only those of the last store', async () => {
    const locks = new KeyedMutex();
    const stored: Record<string, number> = { votes: 0, children: 0 };
    const sut = new WriteBehind<Record<string, number>>(
      { lock: (key, task) => locks.run(key, task), write: async (_key, fields) => void Object.assign(stored, fields) },
      0,
      () => undefined,
      20,
    );
    const set = (fields: Record<string, number>) => locks.run('a', async () => sut.set('a', (pending) => ({ ...pending, ...fields })));
    const read = sut.read(
      async () => {
        const found = { ...stored };
        // While the query's answer is on its way: one store of both fields, one of votes alone, and votes set again.
        await set({ votes: 1, children: 1 });
        await sut.settled();
        await set({ votes: 2 });
        await sut.settled();
        await set({ votes: 3 });
        return found;
      },
      (found, valueOf) => ({ ...found, ...valueOf('a') }),
    );
    await expect(read).resolves.toEqual({ votes: 3, children: 1 });
    await sut.flush();
  });
});
