import fc from 'fast-check';
import { emptyVotes } from './bayesian';
import { articleFigures, figuresOf, type TreeNode } from './article-figures';
import { nodeStrength } from './node-strength';

const node = (id: string, parentId: string | null, type: TreeNode['type'] = 'support', votes = { count: 0, sum: 0 }, origin: TreeNode['origin'] = 'user', authorId: string | null = origin === 'user' ? `author-${id}` : null): TreeNode => ({ id, parentId, type, origin, authorId, votes });
const child = (n: TreeNode, strength: number) => ({ type: n.type, origin: n.origin, authorId: n.authorId, votes: n.votes, strength });

describe('articleFigures', () => {
  it('computes each node from its children, bottom up', () => {
    const nodes = [node('root', null, 'claim', emptyVotes(), 'article'), node('claim', 'root', 'claim', emptyVotes(), 'article'), node('r1', 'claim', 'rebuttal', { count: 3, sum: 15 }), node('s1', 'r1', 'support', { count: 2, sum: 10 })];
    const sut = articleFigures(nodes);
    const s1 = nodeStrength({ count: 2, sum: 10 }, []).strength;
    const r1 = nodeStrength({ count: 3, sum: 15 }, [child(nodes[3], s1)]).strength;
    const claim = nodeStrength(emptyVotes(), [child(nodes[2], r1)]).strength;
    expect(sut.get('s1')!.strength).toBe(s1);
    expect(sut.get('r1')!.strength).toBe(r1);
    expect(sut.get('claim')).toEqual({ strength: claim, rated: true, replyCounts: { support: 0, rebuttal: 1, comment: 0 } });
    expect(sut.get('root')!.strength).toBe(nodeStrength(emptyVotes(), [child(nodes[1], claim)]).strength);
    expect(sut.get('r1')!.replyCounts).toEqual({ support: 1, rebuttal: 0, comment: 0 });
  });

  it('says a node is rated when it or anything beneath it is, and shows an unrated thesis where it starts', () => {
    const paragraphs = Array.from({ length: 16 }, (_, i) => node(`p${i}`, 'thesis', 'claim', emptyVotes(), 'article'));
    const sentences = paragraphs.flatMap((p) => [node(`${p.id}s0`, p.id, 'support', emptyVotes(), 'article'), node(`${p.id}s1`, p.id, 'support', emptyVotes(), 'article')]);
    const unrated = articleFigures([node('thesis', null, 'claim', emptyVotes(), 'article'), ...paragraphs, ...sentences]);
    expect(unrated.get('thesis')).toMatchObject({ strength: expect.closeTo(0.5, 1) as number, rated: false });
    const sut = articleFigures([node('thesis', null, 'claim', emptyVotes(), 'article'), ...paragraphs, ...sentences, node('r', 'p3', 'rebuttal', { count: 1, sum: 4 })]);
    expect(sut.get('thesis')!.rated).toBe(true);
    expect(sut.get('p3')!.rated).toBe(true);
    expect(sut.get('p4')!.rated).toBe(false);
  });

  it('moves a paragraph by at most 5 points for 50 unrated rebuttals of one account', () => {
    const flood = Array.from({ length: 50 }, (_, i) => node(`f${i}`, 'p', 'rebuttal', emptyVotes(), 'user', 'newcomer'));
    const rated = { count: 6, sum: 27 };
    const before = articleFigures([node('p', null, 'claim', rated, 'article')]).get('p')!.strength;
    const after = articleFigures([node('p', null, 'claim', rated, 'article'), ...flood]).get('p')!.strength;
    expect(before - after).toBeLessThanOrEqual(0.05);
  });

  it('lets 50 unrated replies of one account, anywhere in a tree and under each other, move no node by more than 5 points', () => {
    const spec = fc.array(fc.record({ parent: fc.nat(), type: fc.constantFrom('support' as const, 'rebuttal' as const), author: fc.constantFrom('a', 'b', 'c'), count: fc.nat(40), avg: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 40 });
    const flood = fc.array(fc.record({ parent: fc.nat(), type: fc.constantFrom('support' as const, 'rebuttal' as const) }), { minLength: 50, maxLength: 50 });
    fc.assert(
      fc.property(spec, flood, (rated, extra) => {
        const nodes = rated.map((s, i) => node(`n${i}`, i === 0 ? null : `n${s.parent % i}`, i === 0 ? 'claim' : s.type, { count: s.count, sum: s.count * s.avg }, 'user', s.author));
        const all = [...nodes];
        // Each flood reply under any node so far, its own earlier ones included.
        extra.forEach((f, i) => all.push(node(`f${i}`, all[f.parent % all.length].id, f.type, emptyVotes(), 'user', 'newcomer')));
        const before = articleFigures(nodes);
        const after = articleFigures(all);
        for (const n of nodes) expect(Math.abs(after.get(n.id)!.strength - before.get(n.id)!.strength)).toBeLessThanOrEqual(0.05);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a comment as a reply but lets it, rated or not, move no strength up the tree nor make anything rated', () => {
    const base = [node('root', null, 'claim', emptyVotes(), 'article'), node('claim', 'root', 'claim', emptyVotes(), 'article'), node('r1', 'claim', 'rebuttal', { count: 3, sum: 12 })];
    const sut = articleFigures([...base, node('q1', 'claim', 'comment', { count: 9, sum: 45 }), node('q2', 'r1', 'comment'), node('s1', 'q1', 'support', { count: 4, sum: 20 })]);
    const without = articleFigures(base);
    for (const id of ['root', 'claim', 'r1']) expect(sut.get(id)!.strength).toBe(without.get(id)!.strength);
    expect(sut.get('claim')!.replyCounts).toEqual({ support: 0, rebuttal: 1, comment: 1 });
    expect(sut.get('r1')!.replyCounts).toEqual({ support: 0, rebuttal: 0, comment: 1 });
    const quiet = articleFigures([node('root', null, 'claim', emptyVotes(), 'article'), node('q', 'root', 'comment', { count: 2, sum: 10 })]);
    expect(quiet.get('root')).toMatchObject({ strength: 0.5, rated: false });
  });

  it('does not count the article\'s own sentences as replies', () => {
    const sut = articleFigures([node('claim', null, 'claim', emptyVotes(), 'article'), node('s', 'claim', 'support', emptyVotes(), 'article')]);
    expect(sut.get('claim')!.replyCounts).toEqual({ support: 0, rebuttal: 0, comment: 0 });
  });

  it('treats a node whose parent is absent (not public) as the head of its own subtree', () => {
    const sut = articleFigures([node('a', 'hidden-parent'), node('b', 'a', 'rebuttal', { count: 1, sum: 5 })]);
    expect(sut.get('a')!.replyCounts.rebuttal).toBe(1);
    expect(sut.size).toBe(2);
  });

  it('handles a thread far deeper than the call stack', () => {
    const chain = [node('n0', null, 'claim')];
    for (let i = 1; i < 50_000; i++) chain.push(node(`n${i}`, `n${i - 1}`, i % 2 ? 'rebuttal' : 'support'));
    const sut = articleFigures(chain);
    expect(sut.size).toBe(50_000);
    expect(sut.get('n0')!.replyCounts).toEqual({ support: 0, rebuttal: 1, comment: 0 });
  });

  it('agrees with computing each node alone from its children, in any input order', () => {
    const trees = fc.array(fc.record({ parent: fc.nat(), author: fc.constantFrom('a', 'b'), type: fc.constantFrom('support' as const, 'rebuttal' as const), count: fc.nat(20), avg: fc.integer({ min: 1, max: 5 }) }), { maxLength: 60 });
    fc.assert(
      fc.property(trees, fc.nat(), (spec, shift) => {
        const nodes = spec.map((s, i) => node(`n${i}`, i === 0 ? null : `n${s.parent % i}`, s.type, { count: s.count, sum: s.count * s.avg }, 'user', s.author));
        const rotated = [...nodes.slice(shift % (nodes.length || 1)), ...nodes.slice(0, shift % (nodes.length || 1))];
        const sut = articleFigures(rotated);
        for (const n of nodes) {
          const kids = nodes.filter((k) => k.parentId === n.id).map((k) => ({ ...child(k, sut.get(k.id)!.strength), rated: sut.get(k.id)!.rated }));
          expect(sut.get(n.id)).toEqual(figuresOf(n.votes, kids));
        }
      }),
    );
  });
});
