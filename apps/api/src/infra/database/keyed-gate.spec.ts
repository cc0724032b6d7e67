import { KeyedGate } from './keyed-gate';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedGate', () => {
  it('runs shared tasks of one key together', async () => {
    const sut = new KeyedGate();
    let running = 0;
    let most = 0;
    const task = async () => {
      most = Math.max(most, ++running);
      await tick(10);
      running--;
    };
    await Promise.all([sut.shared('a', task), sut.shared('a', task), sut.shared('a', task)]);
    expect(most).toBe(3);
  });

  it('runs an exclusive task once the shared ones under way are done, and holds back those that come after it', async () => {
    const sut = new KeyedGate();
    const log: string[] = [];
    const shared = (name: string, ms: number) => sut.shared('a', async () => {
      log.push(`${name} start`);
      await tick(ms);
      log.push(`${name} end`);
    });
    const first = shared('s1', 20);
    const exclusive = sut.exclusive('a', async () => {
      log.push('x start');
      await tick(10);
      log.push('x end');
    });
    await tick(1);
    const later = shared('s2', 1);
    await Promise.all([first, exclusive, later]);
    expect(log).toEqual(['s1 start', 's1 end', 'x start', 'x end', 's2 start', 's2 end']);
  });

  it('runs exclusive tasks one after another, goes on after one fails, and leaves other keys alone', async () => {
    const sut = new KeyedGate();
    const log: string[] = [];
    const failing = sut.exclusive('a', async () => {
      log.push('x1');
      await tick(10);
      log.push('x1 failed');
      throw new Error('refused');
    });
    const next = sut.exclusive('a', async () => {
      log.push('x2');
    });
    const other = sut.shared('b', async () => {
      log.push('b');
    });
    await expect(failing).rejects.toThrow('refused');
    await Promise.all([next, other]);
    expect(log.filter((entry) => entry !== 'b')).toEqual(['x1', 'x1 failed', 'x2']);
    // Key b did not wait for key a's exclusive task.
    expect(log.indexOf('b')).toBeLessThan(log.indexOf('x1 failed'));
  });

  it('passes a shared task\'s failure to its caller and still lets an exclusive one run', async () => {
    const sut = new KeyedGate();
    await expect(sut.shared('a', () => Promise.reject(new Error('insert failed')))).rejects.toThrow('insert failed');
    await expect(sut.exclusive('a', async () => 'ran')).resolves.toBe('ran');
  });
});
