import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { UnfinishedWork } from './unfinished-work';

const places: [string, () => Redis | null][] = [
  ['in this process', () => null],
  ['in Redis', () => new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 })],
];

describe.each(places)('UnfinishedWork %s', (_where, connect) => {
  const redis = connect();
  const key = `agora:test:unfinished:${randomBytes(6).toString('hex')}`;
  const work = () => new UnfinishedWork(redis, key);

  afterAll(async () => {
    await redis?.del(key);
    await redis?.quit();
  });

  it('says nothing was left behind when the last holder finished its work', async () => {
    const sut = work();
    expect(await sut.begin('a')).toBe(false);
    expect(await sut.isMarked('a')).toBe(true);
    await sut.end('a');
    expect(await sut.isMarked('a')).toBe(false);
    expect(await sut.begin('a')).toBe(false);
    await sut.end('a');
  });

  it('tells the next holder when an earlier one stopped half-way, until that one finishes', async () => {
    const sut = work();
    expect(await sut.begin('b')).toBe(false);
    expect(await sut.begin('b')).toBe(true);
    expect(await sut.begin('c')).toBe(false);
    await sut.end('b');
    expect(await sut.begin('b')).toBe(false);
    await sut.end('b');
    await sut.end('c');
  });

  it('repairs always, or only when a mark was left behind, and clears the mark either way', async () => {
    const sut = work();
    const repair = jest.fn(() => Promise.resolve('repaired'));
    expect(await sut.repair('r', 'if-unfinished', repair, 'skipped')).toBe('skipped');
    expect(repair).not.toHaveBeenCalled();
    await sut.begin('r');
    expect(await sut.repair('r', 'if-unfinished', repair, 'skipped')).toBe('repaired');
    expect(await sut.repair('r', 'always', repair, 'skipped')).toBe('repaired');
    expect(repair).toHaveBeenCalledTimes(2);
    expect(await sut.isMarked('r')).toBe(false);
  });

  it('keeps the mark when the repair fails, for the next holder', async () => {
    const sut = work();
    await expect(sut.repair('f', 'always', () => Promise.reject(new Error('database gone')), null)).rejects.toThrow('database gone');
    expect(await sut.isMarked('f')).toBe(true);
    await sut.end('f');
  });

  it('lists the marks older than the age asked for', async () => {
    const sut = work();
    await sut.begin('old');
    await new Promise((r) => setTimeout(r, 30));
    await sut.begin('new');
    expect(await sut.stale(20)).toEqual(['old']);
    expect((await sut.stale(0)).sort()).toEqual(['new', 'old']);
    await sut.end('old');
    await sut.end('new');
    expect(await sut.stale(0)).toEqual([]);
  });
});
