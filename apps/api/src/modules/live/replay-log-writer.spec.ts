import type { StoredLiveEvent } from '@agora/shared';
import type { LogPageRef } from './live-log.repository';
import { ReplayLogWriter, type ReplayLogStore } from './replay-log-writer';

const event = (articleId: string, seq: number) => ({ name: 'node:created', payload: { articleId, seq } }) as unknown as StoredLiveEvent;
const seqs = (batch: readonly StoredLiveEvent[]) => batch.map((e) => e.payload.seq);

/** The log as a map of pages by id, `article:firstSeq` as LiveLogRepository names them; `write` may hold or fail a write. */
class PagesInMemory implements ReplayLogStore {
  readonly pages = new Map<string, number[]>();
  listed = 0;
  removals: string[][] = [];
  failRemovals = false;

  constructor(private readonly write: (articleId: string, batch: readonly StoredLiveEvent[]) => Promise<boolean> = async () => true) {}

  async append(articleId: string, batch: readonly StoredLiveEvent[]): Promise<LogPageRef | null> {
    if (!(await this.write(articleId, batch))) return null;
    const id = `${articleId}:${batch[0].payload.seq}`;
    this.pages.set(id, seqs(batch));
    return { id, lastSeq: batch[batch.length - 1].payload.seq };
  }

  async pageRefs(articleId: string): Promise<LogPageRef[]> {
    this.listed++;
    return [...this.pages].filter(([id]) => id.startsWith(`${articleId}:`)).map(([id, s]) => ({ id, lastSeq: s[s.length - 1] }));
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (this.failRemovals) throw new Error('the database is away');
    this.removals.push([...ids]);
    for (const id of ids) this.pages.delete(id);
  }

  /** Every stored seq of an article, page by page. */
  seqsOf(articleId: string): number[][] {
    return [...this.pages].filter(([id]) => id.startsWith(`${articleId}:`)).map(([, s]) => s);
  }
}

const KEEP_ALL = { keep: Number.MAX_SAFE_INTEGER };

/** A writer whose every write takes a few milliseconds, recording `article:seq` of what it stored. */
function slowlyStoringWriter() {
  const stored: string[] = [];
  const sut = new ReplayLogWriter(
    new PagesInMemory(async (article, batch) => {
      await new Promise((r) => setTimeout(r, 5));
      stored.push(...batch.map((e) => `${article}:${e.payload.seq}`));
      return true;
    }),
    jest.fn(),
    KEEP_ALL,
  );
  return { sut, stored };
}

describe('ReplayLogWriter', () => {
  it('stores the events that gather while a write is on its way in one write, in seq order', async () => {
    const writes: number[][] = [];
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((r) => (releaseFirst = r));
    const sut = new ReplayLogWriter(
      new PagesInMemory(async (_article, batch) => {
        writes.push(seqs(batch));
        if (writes.length === 1) await firstHeld;
        return true;
      }),
      jest.fn(),
      KEEP_ALL,
    );
    sut.add(event('a', 1));
    await new Promise((r) => setTimeout(r, 1));
    for (const seq of [2, 3, 4]) sut.add(event('a', seq));
    releaseFirst();
    await sut.idle('a');
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('writes at once after a quiet moment, then no sooner than its linger after the last write', async () => {
    const writes: { seqs: number[]; at: number }[] = [];
    const sut = new ReplayLogWriter(
      new PagesInMemory(async (_article, batch) => {
        writes.push({ seqs: seqs(batch), at: Date.now() });
        return true;
      }),
      jest.fn(),
      { ...KEEP_ALL, lingerMs: 40 },
    );
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
    const sut = new ReplayLogWriter(
      new PagesInMemory(async () => {
        call++;
        if (call === 1) throw new Error('the database is away');
        return call !== 2;
      }),
      warn,
      KEEP_ALL,
    );
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

  it('removes each page by id once `keep` newer events are stored, keeping at least `keep`', async () => {
    const store = new PagesInMemory();
    const sut = new ReplayLogWriter(store, jest.fn(), { keep: 3 });
    // Events added in one turn share a page: pages [1, 2], [3], [4, 5], [6].
    for (const page of [[1, 2], [3], [4, 5], [6]]) {
      for (const seq of page) sut.add(event('a', seq));
      await sut.idle('a');
    }
    // [1, 2] went once 5 was stored, [3] once 6 was; [4, 5] holds one of the newest three.
    expect(store.seqsOf('a')).toEqual([[4, 5], [6]]);
    expect(store.removals).toEqual([['a:1'], ['a:3']]);
    expect(store.listed).toBe(1);
  });

  it('lists the pages stored before it started once per article, and removes them in their turn', async () => {
    const store = new PagesInMemory();
    const before = new ReplayLogWriter(store, jest.fn(), KEEP_ALL);
    for (const seq of [1, 2, 3]) {
      before.add(event('a', seq));
      await before.idle('a');
    }
    before.add(event('b', 1));
    await before.idleAll();
    const sut = new ReplayLogWriter(store, jest.fn(), { keep: 2 });
    sut.add(event('a', 4));
    await sut.idle('a');
    sut.add(event('a', 5));
    await sut.idle('a');
    expect(store.seqsOf('a')).toEqual([[4], [5]]);
    expect(store.seqsOf('b')).toEqual([[1]]);
    expect(store.removals).toEqual([['a:1', 'a:2'], ['a:3']]);
    expect(store.listed).toBe(2 + 1);
  });

  it('lists the pages again after a write that may have stored its page, and removes that page in its turn', async () => {
    const store = new PagesInMemory();
    // The second page is stored, but the answer is lost: the writer cannot know it is there.
    const append = store.append.bind(store);
    store.append = async (articleId, batch) => {
      const page = await append(articleId, batch);
      if (batch[0].payload.seq === 2) throw new Error('the answer was lost');
      return page;
    };
    const sut = new ReplayLogWriter(store, jest.fn(), { keep: 1 });
    for (const seq of [1, 2, 3]) {
      sut.add(event('a', seq));
      await sut.idle('a');
    }
    expect(store.seqsOf('a')).toEqual([[3]]);
    expect(store.listed).toBe(2);
    expect(store.removals).toEqual([['a:1', 'a:2']]);
  });

  it("stores the page even when its article's pages cannot be listed, and lists them at the next write", async () => {
    const warn = jest.fn();
    const store = new PagesInMemory();
    const list = store.pageRefs.bind(store);
    store.pageRefs = async (articleId) => {
      if (store.listed++ === 0) throw new Error('the database is slow');
      return list(articleId);
    };
    const sut = new ReplayLogWriter(store, warn, { keep: 1 });
    sut.add(event('a', 1));
    await sut.idle('a');
    expect(store.seqsOf('a')).toEqual([[1]]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not removed yet: the database is slow'));
    sut.add(event('a', 2));
    await sut.idle('a');
    expect(store.seqsOf('a')).toEqual([[2]]);
  });

  it('keeps a page it failed to remove, and removes it with the next write', async () => {
    const warn = jest.fn();
    const store = new PagesInMemory();
    const sut = new ReplayLogWriter(store, warn, { keep: 1 });
    sut.add(event('a', 1));
    await sut.idle('a');
    store.failRemovals = true;
    sut.add(event('a', 2));
    await sut.idle('a');
    expect(store.seqsOf('a')).toEqual([[1], [2]]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not removed yet: the database is away'));
    store.failRemovals = false;
    sut.add(event('a', 3));
    await sut.idle('a');
    expect(store.seqsOf('a')).toEqual([[3]]);
    expect(store.removals).toEqual([['a:1', 'a:2']]);
  });
});
