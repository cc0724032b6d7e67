import type { StrengthBreakdown } from '../../contracts/rest/votes.schema';
import { describeRating, describeStrength } from './describe-strength';

const breakdown = (over: Partial<StrengthBreakdown> = {}): Omit<StrengthBreakdown, 'explanation'> => ({
  nodeId: 'n',
  strength: 0.5,
  rated: false,
  points: 50,
  own: { count: 0, average: null, points: 50 },
  replies: [],
  others: { count: 0, points: 0 },
  ...over,
});

describe('describeStrength', () => {
  it('says a node nobody has rated is not yet rated', () => {
    expect(describeStrength(breakdown())).toEqual(['Not yet rated: nobody has rated it or any reply to it, so it stands at 50%, where every argument starts.']);
  });

  it('names its own rating and the replies that pulled it, with numbers that add up', () => {
    const sut = describeStrength(
      breakdown({
        rated: true,
        points: 56,
        own: { count: 12, average: 3.8, points: 70 },
        replies: [
          { nodeId: 'r', type: 'rebuttal', role: 'attacker', excerpt: 'Both sides coordinated', authorName: 'ann', points: -18, rating: { count: 9, average: 4.5 } },
          { nodeId: 's', type: 'support', role: 'supporter', excerpt: 'Records show it', authorName: 'bob', points: 4, rating: { count: 2, average: 4 } },
        ],
        others: { count: 3, points: 0 },
      }),
    );
    expect(sut).toEqual([
      'Rated 3.8/5 by 12 readers, which alone gives it 70 points.',
      'Pulled down by “Both sides coordinated” (−18 points, rated 4.5/5 by 9 readers).',
      'Pushed up by “Records show it” (+4 points, rated 4/5 by 2 readers).',
      '3 other replies, each moving it by less than a point: ±0 points together.',
      'In all: 70 − 18 + 4 + 0 = 56%.',
    ]);
  });

  it('says "point" for one point', () => {
    const sut = describeStrength(
      breakdown({
        rated: true,
        points: 51,
        own: { count: 1, average: 3, points: 50 },
        replies: [{ nodeId: 's', type: 'support', role: 'supporter', excerpt: 'Yes', authorName: 'bob', points: 1, rating: { count: 1, average: 4 } }],
      }),
    );
    expect(sut).toContain('Pushed up by “Yes” (+1 point, rated 4/5 by 1 reader).');
    expect(sut[sut.length - 1]).toBe('In all: 50 + 1 = 51%.');
  });

  it('rates a single reader in the singular and an unrated reply as such', () => {
    expect(describeRating({ count: 1, average: 5 })).toBe('rated 5/5 by 1 reader');
    expect(describeRating({ count: 0, average: null })).toBe('not yet rated');
  });
});
