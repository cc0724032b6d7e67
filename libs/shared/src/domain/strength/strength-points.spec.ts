import fc from 'fast-check';
import { emptyVotes } from './bayesian';
import type { ChildStrength } from './node-strength';
import { nodeStrength } from './node-strength';
import { strengthPoints } from './strength-points';

const votes = (values: number[]) => ({ count: values.length, sum: values.reduce((a, b) => a + b, 0) });
const reply = (over: Partial<ChildStrength> = {}): ChildStrength => ({ type: 'rebuttal', origin: 'user', authorId: 'a', votes: emptyVotes(), strength: 0.5, ...over });

describe('strengthPoints', () => {
  it('names each reply that moved the node by a point or more, largest first, and sums the rest', () => {
    const strong = reply({ authorId: 'x', votes: votes(Array(9).fill(5)), strength: 0.9 });
    const mild = reply({ type: 'support', authorId: 'y', votes: votes([4, 4, 5]), strength: 0.7 });
    const unrated = reply({ authorId: 'z' });
    const sut = strengthPoints(votes([4, 4]), [unrated, mild, strong]);
    expect(sut.children.map((c) => c.index)).toEqual([2, 1]);
    expect(sut.children[0].points).toBeLessThan(-10);
    expect(sut.children[1].points).toBeGreaterThan(0);
    expect(sut.others.count).toBe(1);
    expect(sut.total).toBe(Math.round(nodeStrength(votes([4, 4]), [unrated, mild, strong]).strength * 100));
  });

  it('gives parts that always add up to the strength shown', () => {
    const child = fc.record({
      type: fc.constantFrom('support' as const, 'rebuttal' as const, 'comment' as const),
      origin: fc.constant('user' as const),
      authorId: fc.constantFrom('a', 'b', 'c', 'd'),
      votes: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }).map(votes),
      strength: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 20 }).map(votes), fc.array(child, { maxLength: 30 }), (own, children) => {
        const sut = strengthPoints(own, children);
        expect(sut.own + sut.children.reduce((a, c) => a + c.points, 0) + sut.others.points).toBe(sut.total);
        // Comments weigh nothing: they are neither listed nor among the others.
        expect(sut.children.length + sut.others.count).toBe(children.filter((c) => c.type !== 'comment').length);
      }),
    );
  });
});
