import { WriteBatch } from './write-batch';

describe('WriteBatch', () => {
  it('writes what gathers within the linger as one batch, in order', async () => {
    const batches: number[][] = [];
    const sut = new WriteBatch<number>(async (items) => void batches.push(items), 20, () => undefined);
    sut.add(1);
    sut.add(2);
    await new Promise((r) => setTimeout(r, 60));
    sut.add(3);
    await sut.flush();
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('reports a failed batch and goes on with the next', async () => {
    const failures: number[] = [];
    const written: number[][] = [];
    let first = true;
    const sut = new WriteBatch<number>(
      async (items) => {
        if (first) {
          first = false;
          throw new Error('away');
        }
        written.push(items);
      },
      1000,
      (_, count) => failures.push(count),
    );
    sut.add(1);
    sut.add(2);
    await sut.flush();
    sut.add(3);
    await sut.flush();
    expect(failures).toEqual([2]);
    expect(written).toEqual([[3]]);
  });

  it('writes one batch at a time', async () => {
    let running = 0;
    let most = 0;
    const sut = new WriteBatch<number>(
      async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
      },
      1,
      () => undefined,
    );
    for (let i = 0; i < 5; i++) {
      sut.add(i);
      void sut.flush();
    }
    await sut.flush();
    expect(most).toBe(1);
  });
});
