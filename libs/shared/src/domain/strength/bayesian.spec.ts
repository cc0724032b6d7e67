import { baseScore, clamp01, STRENGTH_PRIOR } from './bayesian';

describe('baseScore', () => {
  it('starts every node at the prior', () => {
    expect(baseScore({ count: 0, sum: 0 })).toBe((STRENGTH_PRIOR.mean - 1) / 4);
  });

  it('approaches the vote average as votes accumulate', () => {
    expect(baseScore({ count: 1000, sum: 5000 })).toBeCloseTo(1, 2);
    expect(baseScore({ count: 1000, sum: 1000 })).toBeCloseTo(0, 2);
  });

  it('never leaves [0, 1], whatever it is fed', () => {
    expect(clamp01(Number.NaN)).toBe(0);
    expect(baseScore({ count: -5, sum: 100 })).toBeLessThanOrEqual(1);
  });
});
