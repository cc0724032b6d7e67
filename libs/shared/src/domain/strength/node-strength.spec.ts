import fc from 'fast-check';
import { emptyVotes } from './bayesian';
import { EVIDENCE } from './evidence';
import { nodeStrength, type ChildStrength } from './node-strength';

const votes = (values: number[]) => ({ count: values.length, sum: values.reduce((a, b) => a + b, 0) });
const reply = (over: Partial<ChildStrength> = {}): ChildStrength => ({ type: 'rebuttal', origin: 'user', authorId: 'a', votes: emptyVotes(), strength: 0.5, ...over });

const arbVotes = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }).map(votes);
const arbChild = fc.record({
  type: fc.constantFrom('support' as const, 'rebuttal' as const, 'claim' as const, 'comment' as const),
  origin: fc.constantFrom('user' as const, 'article' as const),
  authorId: fc.constantFrom('a', 'b', 'c', null),
  votes: arbVotes,
  strength: fc.double({ min: 0, max: 1, noNaN: true }),
});
const arbChildren = fc.array(arbChild, { maxLength: 12 });

describe('nodeStrength (evidence-weighted DF-QuAD)', () => {
  it('is the base score when nothing supports or attacks', () => {
    expect(nodeStrength(emptyVotes(), []).strength).toBe(0.5);
    expect(nodeStrength(votes([5, 5, 5, 5]), []).strength).toBeCloseTo(((3 * 2 + 20) / 6 - 1) / 4, 6);
  });

  it('lets one vote move the base only part of the way (Bayesian prior)', () => {
    const sut = nodeStrength(votes([5]), []);
    expect(sut.base).toBeGreaterThan(0.5);
    expect(sut.base).toBeLessThan(0.75);
  });

  it('lets a rebuttal rated strong by ten readers take a paragraph at 50% down by more than 15 points', () => {
    const rebuttal = reply({ votes: votes(Array(10).fill(5)), strength: nodeStrength(votes(Array(10).fill(5)), []).strength });
    expect(nodeStrength(emptyVotes(), [rebuttal]).strength).toBeLessThan(0.35);
  });

  it('lets a reply rated weak pull less than one rated strong, and one rated 1/5 no more than an unrated one', () => {
    const pull = (values: number[]) => 0.5 - nodeStrength(emptyVotes(), [reply({ votes: votes(values), strength: nodeStrength(votes(values), []).strength })]).strength;
    expect(pull([2, 2, 2])).toBeLessThan(pull([5, 5, 5]));
    expect(pull([1])).toBeLessThanOrEqual(pull([]));
  });

  it('does not saturate in a big debate: many well-rated replies on both sides leave the balance of their ratings', () => {
    const side = (type: 'support' | 'rebuttal', n: number, avg: number) =>
      Array.from({ length: n }, (_, i) => reply({ type, authorId: `${type}${i}`, votes: votes(Array(100).fill(avg)), strength: 0.7 }));
    const sut = nodeStrength(emptyVotes(), [...side('support', 125, 4), ...side('rebuttal', 63, 4)]);
    expect(sut.strength).toBeGreaterThan(0.6);
    expect(sut.strength).toBeLessThan(0.75);
  });

  it('balance: equal evidence and strength on both sides leaves the base', () => {
    fc.assert(
      fc.property(arbVotes, arbVotes, fc.double({ min: 0, max: 1, noNaN: true }), (own, theirs, strength) => {
        const sut = nodeStrength(own, [reply({ type: 'support', authorId: 's', votes: theirs, strength }), reply({ type: 'rebuttal', authorId: 'r', votes: theirs, strength })]);
        expect(sut.strength).toBeCloseTo(sut.base, 6);
      }),
    );
  });

  it('monotonicity: a stronger or better-rated supporter never lowers the node, an attacker never raises it', () => {
    fc.assert(
      fc.property(arbVotes, arbChildren, arbChild, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 4 }), (own, others, child, more, raise) => {
        const weaker = { ...child, origin: 'user' as const, authorId: 'z' };
        const stronger = { ...weaker, strength: Math.max(weaker.strength, more) };
        // One of its ratings raised, by `raise` (no higher than 5).
        const better = weaker.votes.count ? { ...stronger, votes: { count: weaker.votes.count, sum: Math.min(5 * weaker.votes.count, weaker.votes.sum + raise) } } : stronger;
        const before = nodeStrength(own, [...others, weaker]).strength;
        const after = nodeStrength(own, [...others, better]).strength;
        if (weaker.type === 'rebuttal') expect(after).toBeLessThanOrEqual(before + 1e-6);
        else expect(after).toBeGreaterThanOrEqual(before - 1e-6);
      }),
    );
  });

  it('directionality: a node is moved only by its children, and a better-rated node is never weaker with the same children', () => {
    fc.assert(
      fc.property(arbChildren, arbVotes, (children, own) => {
        const sut = nodeStrength(own, children);
        const better = nodeStrength({ count: own.count + 1, sum: own.sum + 5 }, children);
        expect(better.strength).toBeGreaterThanOrEqual(sut.strength - 1e-6);
        expect(nodeStrength(own, []).strength).toBeCloseTo(sut.base, 6);
      }),
    );
  });

  it('bounds unrated replies: any number from one author move a node by at most unrated / half of the way', () => {
    const bound = EVIDENCE.unrated / EVIDENCE.half;
    fc.assert(
      fc.property(arbVotes, arbChildren, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.constantFrom('support' as const, 'rebuttal' as const), (own, others, strengths, type) => {
        const flood = strengths.map((strength) => reply({ type, authorId: 'flood', strength }));
        const before = nodeStrength(own, others).strength;
        const after = nodeStrength(own, [...others, ...flood]).strength;
        expect(Math.abs(after - before)).toBeLessThanOrEqual(bound + 1e-6);
      }),
    );
  });

  it('counts the article\'s own sentences of one role together, so a long unrated paragraph stays where it starts', () => {
    const sentences = Array.from({ length: 16 }, () => reply({ type: 'support', origin: 'article', authorId: null }));
    expect(nodeStrength(emptyVotes(), sentences).strength).toBeLessThan(0.51);
  });

  it('splits the move from the base into shares, one per child, that add up to it', () => {
    fc.assert(
      fc.property(arbVotes, arbChildren, (own, children) => {
        const sut = nodeStrength(own, children);
        expect(sut.pulls).toHaveLength(children.length);
        expect(sut.base + sut.pulls.reduce((a, b) => a + b, 0)).toBeCloseTo(sut.strength, 5);
        children.forEach((c, i) => (c.type === 'rebuttal' ? expect(sut.pulls[i]).toBeLessThanOrEqual(0) : expect(sut.pulls[i]).toBeGreaterThanOrEqual(0)));
        expect(sut.strength).toBeGreaterThanOrEqual(0);
        expect(sut.strength).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('comments', () => {
  it('move nothing: a node with comments added anywhere among its children has the strength it had without them', () => {
    const arbComment = fc.record({ authorId: fc.constantFrom('a', 'b', null), votes: arbVotes, strength: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(arbVotes, arbChildren, fc.array(fc.tuple(fc.nat(), arbComment), { minLength: 1, maxLength: 6 }), (own, children, comments) => {
        const argued = children.filter((c) => c.type !== 'comment');
        const mixed = [...argued];
        for (const [at, c] of comments) mixed.splice(at % (mixed.length + 1), 0, { ...c, type: 'comment', origin: 'user' });
        const sut = nodeStrength(own, mixed);
        expect(sut.strength).toBe(nodeStrength(own, argued).strength);
        mixed.forEach((c, i) => c.type === 'comment' && expect(sut.pulls[i]).toBe(0));
      }),
    );
  });

  it('are neither a support nor an attack however strongly they are rated', () => {
    const praised = reply({ type: 'comment', votes: votes(Array(20).fill(5)), strength: 1 });
    expect(nodeStrength(emptyVotes(), [praised]).strength).toBe(0.5);
    expect(nodeStrength(emptyVotes(), Array(50).fill(praised)).pulls.every((p) => p === 0)).toBe(true);
  });
});

describe('paragraph claims against the thesis', () => {
  const claim = (stance: 'for' | 'against') => ({ type: 'claim' as const, origin: 'article' as const, authorId: null, votes: { count: 4, sum: 18 }, strength: 0.8, stance });

  it('attack it, where claims for it support it', () => {
    const none = nodeStrength({ count: 0, sum: 0 }, []).strength;
    expect(nodeStrength({ count: 0, sum: 0 }, [claim('against')]).strength).toBeLessThan(none);
    expect(nodeStrength({ count: 0, sum: 0 }, [claim('for')]).strength).toBeGreaterThan(none);
    const both = nodeStrength({ count: 0, sum: 0 }, [claim('for'), claim('against')]);
    expect(both.strength).toBeCloseTo(none, 6);
    expect(Math.sign(both.pulls[1])).toBe(-1);
  });
});
