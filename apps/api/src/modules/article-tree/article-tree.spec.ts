import { articleFigures, emptyVotes, type ArgumentNode, type VoteTotals } from '@agora/shared';
import { ArticleTree } from './article-tree';

let n = 0;
const votes = (count: number, avg = 5): VoteTotals => ({ ...emptyVotes(), count, sum: count * avg });
const node = (over: Partial<ArgumentNode>): ArgumentNode =>
  ({ id: `n${++n}`, text: `node ${n}`, parentId: null, type: 'support', origin: 'user', status: 'visible', votes: emptyVotes(), votesVersion: 0, version: 1, createdAt: new Date(2026, 0, 1, 0, n).toISOString(), pinned: false, ...over }) as ArgumentNode;

/** What the tree should hold: every figure computed afresh from the nodes. */
function expectFresh(sut: ArticleTree): void {
  const fresh = articleFigures(sut.all());
  for (const v of sut.all()) expect({ id: v.id, strength: v.strength, rated: v.rated, replyCounts: v.replyCounts }).toEqual({ id: v.id, ...fresh.get(v.id)! });
}

describe('ArticleTree', () => {
  const root = node({ type: 'claim', origin: 'article' });
  const claim = node({ parentId: root.id, type: 'claim', origin: 'article' });
  const rebuttal = node({ parentId: claim.id, type: 'rebuttal' });

  it('derives every figure from the nodes it is given', () => {
    const sut = new ArticleTree([root, claim, rebuttal]);
    expect(sut.view(claim.id)!.replyCounts).toEqual({ support: 0, rebuttal: 1, comment: 0 });
    expectFresh(sut);
  });

  it('follows votes up the path, keeping the newest totals whatever order they arrive in', () => {
    const sut = new ArticleTree([root, claim, rebuttal]);
    const before = sut.view(claim.id)!.strength;
    expect(sut.setVotes(rebuttal.id, votes(9), 2)).toBe(true);
    expect(sut.setVotes(rebuttal.id, votes(1), 1)).toBe(false);
    expect(sut.view(rebuttal.id)!.votes.count).toBe(9);
    expect(sut.view(claim.id)!.strength).toBeLessThan(before);
    expect(sut.pathStrengths(rebuttal.id).map((s) => s.nodeId)).toEqual([rebuttal.id, claim.id, root.id]);
    expectFresh(sut);
  });

  it('moves the parent when a vote leaves its node’s strength as it was (the parent weighs the node’s evidence)', () => {
    const support = node({ parentId: claim.id, type: 'support', votes: votes(2, 3), votesVersion: 1 });
    const sut = new ArticleTree([root, claim, support]);
    const child = sut.view(support.id)!.strength;
    const parent = sut.view(claim.id)!.strength;
    // A third rating at the mean: the node's own score stays where it was, its evidence grows.
    expect(sut.setVotes(support.id, votes(3, 3), 2)).toBe(true);
    expect(sut.view(support.id)!.strength).toBe(child);
    expect(sut.view(claim.id)!.strength).not.toBe(parent);
    expectFresh(sut);
  });

  it('adds, replaces and removes nodes as their status says, older versions aside', () => {
    const sut = new ArticleTree([root, claim, rebuttal]);
    const reply = node({ parentId: rebuttal.id, type: 'support', votes: votes(4), votesVersion: 4 });
    sut.put(reply);
    expect(sut.view(rebuttal.id)!.replyCounts.support).toBe(1);
    sut.put({ ...reply, version: 2, status: 'hidden' });
    expect(sut.get(reply.id)).toBeUndefined();
    expect(sut.view(rebuttal.id)!.replyCounts.support).toBe(0);
    // The same reply as first announced, applied late: it stays hidden only if versions say so.
    sut.put({ ...reply, version: 3 });
    sut.put({ ...reply, version: 2, text: 'older', votesVersion: 1, votes: votes(1) });
    expect(sut.view(reply.id)).toMatchObject({ text: reply.text, votes: { count: 4 } });
    expectFresh(sut);
  });

  it('gives a node outside the tree figures from its own votes and its public children', () => {
    const sut = new ArticleTree([root, claim, rebuttal]);
    const hidden = node({ parentId: claim.id, status: 'hidden', votes: votes(3, 1) });
    sut.put(node({ parentId: hidden.id, type: 'rebuttal' }));
    expect(sut.figuresFor(hidden).replyCounts).toEqual({ support: 0, rebuttal: 1, comment: 0 });
    expect(sut.replyCount()).toBe(2);
  });
});
