import { AncestorCarrier, type Carry, type PendingCarry } from './ancestor-carrier';
import type { ChildEntry } from './node.model';

const entry = (strength: number): ChildEntry => ({ type: 'support', strength, origin: 'user' });
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A tree of ids: child → parent. Settling a parent carries to its own parent, if it has one. */
function carrierOver(parents: Record<string, string>, lingerMs = 5) {
  const settled: { parentId: string; entries: Record<string, number>; thorough: boolean }[] = [];
  const failed: string[] = [];
  let failOn: string | null = null;
  const sut = new AncestorCarrier(
    async (pending: PendingCarry): Promise<Carry[]> => {
      await tick(2);
      if (pending.parentId === failOn) throw new Error('database away');
      settled.push({ parentId: pending.parentId, entries: Object.fromEntries([...pending.entries].map(([id, e]) => [id, e.entry.strength])), thorough: pending.thorough });
      const up = parents[pending.parentId];
      return up ? [{ parentId: up, child: { id: pending.parentId, entry: entry(0.5), version: 1 }, thorough: pending.thorough }] : [];
    },
    lingerMs,
    (parentId) => failed.push(parentId),
  );
  return { sut, settled, failed, failOn: (id: string) => (failOn = id) };
}

describe('AncestorCarrier', () => {
  it('settles each parent once for all the carries gathered, then its own parent', async () => {
    const { sut, settled } = carrierOver({ claimA: 'root', claimB: 'root' });
    sut.carry({ parentId: 'claimA', child: { id: 'r1', entry: entry(0.1), version: 1 } });
    sut.carry({ parentId: 'claimA', child: { id: 'r2', entry: entry(0.2), version: 1 } });
    sut.carry({ parentId: 'claimA', child: { id: 'r1', entry: entry(0.3), version: 2 } });
    // An older entry handed over late (a settling that was under way) does not replace a newer one.
    sut.carry({ parentId: 'claimA', child: { id: 'r1', entry: entry(0.9), version: 1 } });
    sut.carry({ parentId: 'claimB', child: { id: 'r3', entry: entry(0.4), version: 1 } });
    await sut.settled();
    expect(settled).toEqual([
      { parentId: 'claimA', entries: { r1: 0.3, r2: 0.2 }, thorough: false },
      { parentId: 'claimB', entries: { r3: 0.4 }, thorough: false },
      { parentId: 'root', entries: { claimA: 0.5, claimB: 0.5 }, thorough: false },
    ]);
  });

  it('keeps a repair thorough all the way up, even when merged with plain carries', async () => {
    const { sut, settled } = carrierOver({ claim: 'root' });
    sut.carry({ parentId: 'claim', child: { id: 'r1', entry: entry(0.1), version: 1 } });
    sut.carry({ parentId: 'claim', child: { id: 'r2', entry: entry(0.2), version: 1 }, thorough: true });
    await sut.settled();
    expect(settled.map((s) => [s.parentId, s.thorough])).toEqual([
      ['claim', true],
      ['root', true],
    ]);
  });

  it('lets a reader through once what came before it is settled, even while new carries keep coming', async () => {
    const { sut, settled } = carrierOver({ claim: 'root' }, 5);
    sut.carry({ parentId: 'claim', child: { id: 'r1', entry: entry(0.1), version: 1 } });
    const feeding = setInterval(() => sut.carry({ parentId: 'claim', child: { id: 'r2', entry: entry(Math.random()), version: 1 } }), 1);
    try {
      await sut.settled();
      // The first carry reached the root before the reader went on.
      expect(settled.some((s) => s.parentId === 'root')).toBe(true);
    } finally {
      clearInterval(feeding);
    }
    await sut.settled();
  });

  it('starts a round at once after a quiet moment, and rounds at least its linger apart under load', async () => {
    const starts: number[] = [];
    const sut = new AncestorCarrier(
      async () => {
        starts.push(Date.now());
        return [];
      },
      40,
      () => undefined,
    );
    const start = Date.now();
    sut.carry({ parentId: 'claim', child: { id: 'r1', entry: entry(0.1), version: 1 } });
    await tick(5);
    sut.carry({ parentId: 'claim', child: { id: 'r2', entry: entry(0.2), version: 1 } });
    await sut.settled();
    expect(starts).toHaveLength(2);
    expect(starts[0] - start).toBeLessThan(20);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(39);
  });

  it('lets a reader go after its longest wait when a settling hangs', async () => {
    let release!: () => void;
    const sut = new AncestorCarrier(() => new Promise<Carry[]>((r) => (release = () => r([]))), 0, () => undefined);
    sut.carry({ parentId: 'claim', child: { id: 'r1', entry: entry(0.1), version: 1 } });
    await tick(5);
    const start = Date.now();
    await sut.settled(30);
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
    release();
    await sut.settled();
  });

  it('resolves at once when nothing is being carried', async () => {
    const { sut, settled } = carrierOver({});
    await sut.settled();
    expect(settled).toEqual([]);
  });

  it('reports a settling that failed and goes on with the others', async () => {
    const { sut, settled, failed, failOn } = carrierOver({ claimA: 'root', claimB: 'root' });
    failOn('claimA');
    sut.carry({ parentId: 'claimA', child: { id: 'r1', entry: entry(0.1), version: 1 } });
    sut.carry({ parentId: 'claimB', child: { id: 'r2', entry: entry(0.2), version: 1 } });
    await sut.settled();
    expect(failed).toEqual(['claimA']);
    expect(settled.map((s) => s.parentId)).toEqual(['claimB', 'root']);
  });

  it('says when each round is settled, and is busy until the last one is', async () => {
    const rounds: number[] = [];
    let settledParents = 0;
    const sut = new AncestorCarrier(
      async (pending) => {
        await tick(2);
        settledParents++;
        return pending.parentId === 'claim' ? [{ parentId: 'root', child: { id: 'claim', entry: entry(0.5), version: 1 } }] : [];
      },
      5,
      () => undefined,
      () => rounds.push(settledParents),
    );
    expect(sut.busy).toBe(false);
    sut.carry({ parentId: 'claim', child: { id: 'r1', entry: entry(0.1), version: 1 } });
    expect(sut.busy).toBe(true);
    await sut.settled();
    // One round settled the claim, the next the root; each said so once it was done.
    expect(rounds).toEqual([1, 2]);
    await tick(1);
    expect(sut.busy).toBe(false);
  });
});
