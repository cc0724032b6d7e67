import { ConnectionCounts, WindowCount } from './connection-limits';

describe('ConnectionCounts', () => {
  it('gives each key up to its limit, and a place back on release', () => {
    const sut = new ConnectionCounts(2);
    expect([sut.take('a'), sut.take('a'), sut.take('a'), sut.take('b')]).toEqual([true, true, false, true]);
    sut.release('a');
    expect(sut.take('a')).toBe(true);
    expect(sut.take('a')).toBe(false);
  });
});

describe('WindowCount', () => {
  it('allows the limit within a window and starts again after it', () => {
    const sut = new WindowCount(2, 1000);
    expect([sut.allow(0), sut.allow(10), sut.allow(20)]).toEqual([true, true, false]);
    expect(sut.allow(1000)).toBe(true);
  });
});
