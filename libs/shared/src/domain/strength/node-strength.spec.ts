import { emptyVotes } from './bayesian';
import { aggregate, combine } from './df-quad';
import { nodeStrength } from './node-strength';

const votes = (values: number[]) => ({ count: values.length, sum: values.reduce((a, b) => a + b, 0) });

describe('nodeStrength', () => {
  it('is the base score when nothing supports or attacks', () => {
    expect(nodeStrength(emptyVotes(), []).strength).toBe(0.5);
    expect(nodeStrength(votes([5, 5, 5, 5]), []).strength).toBeCloseTo((((3 * 2 + 20) / 6) - 1) / 4, 6);
  });

  it('lets one vote move the base only part of the way (Bayesian prior)', () => {
    const sut = nodeStrength(votes([5]), []);
    expect(sut.base).toBeGreaterThan(0.5);
    expect(sut.base).toBeLessThan(0.75);
  });

  it('raises a node with supporters and lowers it with attackers', () => {
    const base = nodeStrength(emptyVotes(), []).strength;
    expect(nodeStrength(emptyVotes(), [{ type: 'support', strength: 0.8, origin: 'user' }]).strength).toBeGreaterThan(base);
    expect(nodeStrength(emptyVotes(), [{ type: 'rebuttal', strength: 0.8, origin: 'user' }]).strength).toBeLessThan(base);
  });

  it('follows DF-QuAD: equal support and attack cancel out', () => {
    const sut = nodeStrength(votes([4]), [
      { type: 'support', strength: 0.6, origin: 'user' },
      { type: 'rebuttal', strength: 0.6, origin: 'user' },
    ]);
    expect(sut.strength).toBeCloseTo(sut.base, 6);
    expect(sut.supportAggregate).toBeCloseTo(sut.attackAggregate, 9);
  });

  it('counts the article\'s own sentences of one role as one argument, so long paragraphs do not saturate', () => {
    const sentences = Array.from({ length: 12 }, () => ({ type: 'support' as const, strength: 0.5, origin: 'article' as const }));
    const sut = nodeStrength(emptyVotes(), sentences);
    expect(sut.strength).toBeCloseTo(combine(0.5, 0, 0.5), 6);
    expect(sut.supportAggregate).toBeCloseTo(0.5, 9);
  });

  it('still counts readers\' replies one by one beside the article\'s sentences', () => {
    const sut = nodeStrength(emptyVotes(), [
      { type: 'support', strength: 0.5, origin: 'article' },
      { type: 'rebuttal', strength: 0.7, origin: 'user' },
      { type: 'rebuttal', strength: 0.6, origin: 'user' },
    ]);
    expect(sut.attackAggregate).toBeCloseTo(aggregate([0.7, 0.6]), 9);
    expect(sut.strength).toBeLessThan(0.5);
  });

  it('stays within [0, 1] for any inputs', () => {
    for (let i = 0; i < 200; i++) {
      const kids = Array.from({ length: i % 7 }, (_, k) => ({ type: (k % 2 ? 'support' : 'rebuttal') as 'support' | 'rebuttal', strength: ((i * 37 + k * 11) % 101) / 100 }));
      const { strength } = nodeStrength(votes(Array.from({ length: i % 9 }, (_, k) => 1 + ((i + k) % 5))), kids);
      expect(strength).toBeGreaterThanOrEqual(0);
      expect(strength).toBeLessThanOrEqual(1);
    }
  });
});
