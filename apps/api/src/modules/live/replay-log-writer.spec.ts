import type { StoredLiveEvent } from '@agora/shared';
import { ReplayLogWriter } from './replay-log-writer';

const event = (articleId: string, seq: number) => ({ name: 'node:created', payload: { articleId, seq } }) as unknown as StoredLiveEvent;
const seqs = (batch: readonly StoredLiveEvent[]) => batch.map((e) => e.payload.seq);

/** A writer whose every write takes a few milliseconds, recording `article:seq` of what it stored. */
function slowlyStoringWriter() {
  const stored: string[] = [];
  const sut = new ReplayLogWriter(async (article, batch) => {
    await new Promise((r) => setTimeout(r, 5));
    stored.push(...batch.map((e) => `${article}:${e.payload.seq}`));
    return true;
  }, jest.fn());
  return { sut, stored };
}

describe('ReplayLogWriter', () => {
  it('stores the events that gather while a write is on its way in one write, in seq order', async () => {
    const writes: number[][] = [];
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((r) => (releaseFirst = r));
    const sut = new ReplayLogWriter(async (_article, batch) => {
      writes.push(seqs(batch));
      if (writes.length === 1) await firstHeld;
      return true;
    }, jest.fn());
    sut.add(event('a', 1));
    await new Promise((r) => setTimeout(r, 1));
    for (const seq of [2, 3, 4]) sut.add(event('a', seq));
    releaseFirst();
    await sut.idle('a');
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('writes at once after a quiet moment, then no sooner than its linger after the last write', async () => {
    const writes: { seqs: number[]; at: number }[] = [];
    const sut = new ReplayLogWriter(async (_article, batch) => {
      writes.push({ seqs: seqs(batch), at: Date.now() });
      return true;
    }, jest.fn(), 40);
    const start = Date.now();
    sut.add(event('a', 1));
    await new Promise((r) => setTimeout(r, 5));
    sut.add(event('a', 2));
    await new Promise((r) => setTimeout(r, 5));
    sut.add(event('a', 3));
    await sut.idle('a');
    expect(writes.map((w) => w.seqs)).toEqual([[1], [2, 3]]);
    expect(writes[0].at - start).toBeLessThan(20);
    expect(writes[1].at - writes[0].at).toBeGreaterThanOrEqual(39);
    // Still within the linger once the log went idle: the next write waits for it too.
    sut.add(event('a', 4));
    await sut.idle('a');
    expect(writes[2].at - writes[1].at).toBeGreaterThanOrEqual(39);
  });

  it('is idle only once everything added is written, article by article', async () => {
    const { sut, stored } = slowlyStoringWriter();
    sut.add(event('a', 1));
    sut.add(event('b', 1));
    sut.add(event('a', 2));
    await sut.idle('a');
    expect(stored).toEqual(expect.arrayContaining(['a:1', 'a:2']));
    await sut.idle('b');
    expect(stored).toContain('b:1');
    await expect(sut.idle('never')).resolves.toBeUndefined();
  });

  it('warns and goes on when a write fails or a seq was taken', async () => {
    const warn = jest.fn();
    let call = 0;
    const sut = new ReplayLogWriter(async () => {
      call++;
      if (call === 1) throw new Error('the database is away');
      return call !== 2;
    }, warn);
    sut.add(event('a', 1));
    await sut.idle('a');
    sut.add(event('a', 2));
    await sut.idle('a');
    sut.add(event('a', 3));
    await sut.idle('a');
    expect(warn.mock.calls.map(([m]) => m)).toEqual([expect.stringContaining('not stored for replay: the database is away'), expect.stringContaining('another process had stored')]);
    expect(call).toBe(3);
  });

  it('is idle for every article once all their writes are done (for a clean shutdown)', async () => {
    const { sut, stored } = slowlyStoringWriter();
    sut.add(event('a', 1));
    sut.add(event('b', 1));
    await sut.idleAll();
    expect(stored.sort()).toEqual(['a:1', 'b:1']);
  });
});
