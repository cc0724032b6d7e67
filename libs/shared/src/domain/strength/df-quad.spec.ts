import { combine, round } from './df-quad';

describe('DF-QuAD influence', () => {
  it('moves the base toward 0 by the attack surplus and toward 1 by the support surplus', () => {
    expect(combine(0.6, 0.5, 0)).toBeCloseTo(0.3, 12);
    expect(combine(0.6, 0, 0.5)).toBeCloseTo(0.8, 12);
    expect(combine(0.6, 0.4, 0.4)).toBeCloseTo(0.6, 12);
    expect(combine(0.6, 1, 0)).toBe(0);
    expect(combine(0.6, 0, 1)).toBe(1);
  });

  it('rounds to six decimals', () => {
    expect(round(0.12345678)).toBe(0.123457);
  });
});
