import { KeyedMutex } from './keyed-mutex';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('KeyedMutex', () => {
  it('runs tasks of one key one at a time, in order', async () => {
    const sut = new KeyedMutex();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([sut.run('a', task('1')), sut.run('a', task('2')), sut.run('a', task('3'))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('lets different keys overlap, and a failure not block the queue', async () => {
    const sut = new KeyedMutex();
    const log: string[] = [];
    const failing = sut.run('a', async () => {
      log.push('a1');
      await tick();
      throw new Error('boom');
    });
    const other = sut.run('b', async () => void log.push('b1'));
    const next = sut.run('a', async () => 'a2 ran');
    await expect(failing).rejects.toThrow('boom');
    await other;
    expect(await next).toBe('a2 ran');
    expect(log.indexOf('b1')).toBeLessThan(log.length);
    expect(log[0]).toBe('a1');
  });
});
