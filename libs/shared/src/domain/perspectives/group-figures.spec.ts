import type { TreeNode } from '../strength/article-figures';
import { articleFigures } from '../strength/article-figures';
import { bridgingScore, groupFigures, groupLabel, groupTotals } from './group-figures';

type Shape = Omit<TreeNode, 'votes'>;
const node = (id: string, parentId: string | null, type: TreeNode['type'] = 'support', origin: TreeNode['origin'] = 'user'): Shape => ({ id, parentId, type, origin, authorId: origin === 'user' ? `author-${id}` : null });
const tree: Shape[] = [node('claim', null, 'claim', 'article'), node('r1', 'claim', 'rebuttal'), node('s1', 'claim', 'support'), node('r2', 'r1', 'rebuttal')];

describe('groupFigures', () => {
  it('computes each group\'s strengths with the article\'s strength function over its own votes alone', () => {
    const totals = { r1: { a: { count: 4, sum: 20 }, b: { count: 4, sum: 4 } }, s1: { b: { count: 3, sum: 15 } } };
    const sut = groupFigures(tree, totals, ['a', 'b']);
    const expectedA = articleFigures(tree.map((n) => ({ ...n, votes: n.id === 'r1' ? { count: 4, sum: 20 } : { count: 0, sum: 0 } })));
    expect(sut.nodes.claim.a.strength).toBe(expectedA.get('claim')!.strength);
    expect(sut.nodes.r1.a.strength).toBeGreaterThan(sut.nodes.r1.b.strength);
    // Group a believes the rebuttal, group b the support: the claim stands weaker for a.
    expect(sut.nodes.claim.a.strength).toBeLessThan(sut.nodes.claim.b.strength);
    expect(sut.disagreement.claim).toBeCloseTo(sut.nodes.claim.b.strength - sut.nodes.claim.a.strength);
  });

  it('says which nodes each group has rated, in their subtree', () => {
    const sut = groupFigures(tree, { r2: { a: { count: 1, sum: 3 } } }, ['a', 'b']);
    expect(sut.nodes.r2.a.rated).toBe(true);
    expect(sut.nodes.r1.a.rated).toBe(true);
    expect(sut.nodes.claim.a.rated).toBe(true);
    expect(sut.nodes.s1.a.rated).toBe(false);
    expect(sut.nodes.claim.b.rated).toBe(false);
    // Only one group rated it: no disagreement to show.
    expect(sut.disagreement.claim).toBeUndefined();
  });
});

describe('bridgingScore', () => {
  it('ranks a reply both groups find fairly strong above one that only one group finds very strong', () => {
    expect(bridgingScore([0.7, 0.7], 0.7)).toBeCloseTo(0.7);
    expect(bridgingScore([0.7, 0.7], 0.7)).toBeGreaterThan(bridgingScore([0.95, 0.1], 0.6));
  });

  it('is everyone\'s strength when there are no groups', () => {
    expect(bridgingScore([], 0.42)).toBe(0.42);
  });
});

describe('groupTotals', () => {
  it('adds each member\'s vote to their group\'s totals and leaves out readers in no group', () => {
    const sut = groupTotals(
      [
        { userId: 'u1', nodeId: 'x', value: 5 },
        { userId: 'u2', nodeId: 'x', value: 3 },
        { userId: 'u3', nodeId: 'x', value: 1 },
        { userId: 'loner', nodeId: 'x', value: 1 },
      ],
      { u1: '1', u2: '1', u3: '2' },
    );
    expect(sut).toEqual({ x: { '1': { count: 2, sum: 8 }, '2': { count: 1, sum: 1 } } });
  });
});

describe('groupLabel', () => {
  it('names groups by letter', () => {
    expect([groupLabel('1'), groupLabel('2'), groupLabel('27')]).toEqual(['Group A', 'Group B', 'Group AA']);
  });
});
