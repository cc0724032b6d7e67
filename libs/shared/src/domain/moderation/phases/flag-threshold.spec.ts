import { reachesThreshold as sut } from './flag-threshold';

describe('reachesThreshold', () => {
  it('is false below the threshold', () => {
    expect(sut(2, 3, 'visible')).toBe(false);
  });

  it('is true at and above the threshold for a visible node', () => {
    expect(sut(3, 3, 'visible')).toBe(true);
    expect(sut(7, 3, 'visible')).toBe(true);
  });

  it('never moves a node that is already out of public view', () => {
    for (const status of ['pending', 'hidden', 'removed'] as const) expect(sut(10, 3, status)).toBe(false);
  });

  it('treats a threshold below one as one', () => {
    expect(sut(0, 0, 'visible')).toBe(false);
    expect(sut(1, 0, 'visible')).toBe(true);
  });
});
