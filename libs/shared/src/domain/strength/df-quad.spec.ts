import { aggregate, combine, dfQuadStrength } from './df-quad';

describe('DF-QuAD', () => {
  it('aggregates by probabilistic sum', () => {
    expect(aggregate([])).toBe(0);
    expect(aggregate([0.5])).toBe(0.5);
    expect(aggregate([0.5, 0.5])).toBeCloseTo(0.75, 12);
    expect(aggregate([1, 0.2])).toBe(1);
  });

  it('moves the base toward 0 by the attack surplus and toward 1 by the support surplus', () => {
    expect(combine(0.6, 0.5, 0)).toBeCloseTo(0.3, 12);
    expect(combine(0.6, 0, 0.5)).toBeCloseTo(0.8, 12);
    expect(combine(0.6, 0.4, 0.4)).toBeCloseTo(0.6, 12);
    expect(combine(0.6, 1, 0)).toBe(0);
    expect(combine(0.6, 0, 1)).toBe(1);
  });

  it('reports the two aggregates beside the strength', () => {
    const sut = dfQuadStrength({ base: 0.5, supporters: [0.5], attackers: [0.5, 0.5] });
    expect(sut).toEqual({ strength: 0.375, supportAggregate: 0.5, attackAggregate: 0.75 });
  });
});
