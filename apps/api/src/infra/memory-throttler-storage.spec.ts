import { MemoryThrottlerStorage } from './memory-throttler-storage';

const SECOND = 1000;

describe('MemoryThrottlerStorage', () => {
  it('counts hits per key and throttler, and blocks the one past the limit until its block ends', async () => {
    const sut = new MemoryThrottlerStorage();
    const hit = (key: string, throttler = 'user') => sut.increment(key, 60 * SECOND, 2, 30 * SECOND, throttler);
    expect(await hit('a')).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    expect((await hit('a')).isBlocked).toBe(false);
    const third = await hit('a');
    expect(third).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 30 });
    expect(await hit('a')).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 30 });
    // Other keys, and the same key under another throttler, count on their own.
    expect(await hit('b')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit('a', 'ip')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('starts counting again once the window, or the block, is over', async () => {
    const sut = new MemoryThrottlerStorage();
    const hit = () => sut.increment('k', 150, 1, 300, 'user');
    expect((await hit()).isBlocked).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
    expect((await hit()).isBlocked).toBe(true);
    // The block (300 ms) outlasts the window (150 ms).
    await new Promise((r) => setTimeout(r, 200));
    expect((await hit()).isBlocked).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});
