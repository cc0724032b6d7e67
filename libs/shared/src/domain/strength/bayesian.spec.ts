import fc from 'fast-check';
import { baseScore, clamp01, emptyVotes, moveVote, STRENGTH_PRIOR } from './bayesian';

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

describe('moveVote', () => {
  const recount = (values: Iterable<number>) => {
    const totals = emptyVotes();
    for (const v of values) {
      totals.count++;
      totals.sum += v;
      totals.histogram[String(v) as '1']++;
    }
    return totals;
  };

  it('adds a first vote, changes a vote and withdraws one', () => {
    const one = moveVote(emptyVotes(), null, 4);
    expect(one).toEqual({ count: 1, sum: 4, histogram: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 } });
    expect(moveVote(one, 4, 2)).toEqual({ count: 1, sum: 2, histogram: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 0 } });
    expect(moveVote(one, 4, null)).toEqual(emptyVotes());
  });

  it('leaves the totals equal to a recount of the votes after any sequence of votes and withdrawals', () => {
    const step = fc.record({ voter: fc.integer({ min: 0, max: 5 }), value: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const ballots = new Map<number, number>();
        let totals = emptyVotes();
        for (const { voter, value } of steps) {
          totals = moveVote(totals, ballots.get(voter) ?? null, value);
          if (value === null) ballots.delete(voter);
          else ballots.set(voter, value);
        }
        expect(totals).toEqual(recount(ballots.values()));
      }),
    );
  });

  it('does not change the totals it is given', () => {
    const before = moveVote(emptyVotes(), null, 3);
    moveVote(before, 3, 5);
    expect(before.histogram['3']).toBe(1);
  });
});
