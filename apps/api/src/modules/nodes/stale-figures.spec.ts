import { emptyVotes, moveVote, nodeStrength, type VoteTotals } from '@agora/shared';
import { Types } from 'mongoose';
import { childrenMap } from './children';
import { newNode } from './new-node';
import { findStaleFigures, type AuditedNode } from './stale-figures';

/** A consistent little article: root ← claim ← a reader's rebuttal with two votes. */
function world() {
  const articleId = new Types.ObjectId();
  const votes = moveVote(moveVote(emptyVotes(), null, 4), null, 2);
  const root = newNode({ articleId, type: 'claim', text: 'Title', origin: 'article', children: new Map() });
  const claim = newNode({ articleId, type: 'claim', text: 'Claim', origin: 'article', parentId: root._id, children: new Map() });
  const reply = newNode({ articleId, type: 'rebuttal', text: 'No', origin: 'user', parentId: claim._id, children: new Map(), votes });
  reply.strength = nodeStrength(votes, []).strength;
  claim.children = childrenMap([reply]);
  claim.replyCounts = { support: 0, rebuttal: 1 };
  claim.strength = nodeStrength(claim.votes, [reply]).strength;
  root.children = childrenMap([claim]);
  root.strength = nodeStrength(root.votes, [claim]).strength;
  const tallies = new Map<string, VoteTotals>([[String(reply._id), votes]]);
  const counts = new Map([[String(articleId), 1]]);
  return { nodes: [root, claim, reply] as AuditedNode[], root, claim, reply, tallies, counts, articleId };
}

describe('findStaleFigures', () => {
  it('finds nothing in figures that agree with their sources', () => {
    const w = world();
    expect(findStaleFigures(w.nodes, w.tallies, w.counts)).toEqual({ votes: [], children: [], articles: [] });
  });

  it('finds vote totals that differ from the votes, and the strength that follows from them', () => {
    const w = world();
    w.tallies.set(String(w.reply._id), moveVote(w.tallies.get(String(w.reply._id))!, null, 5));
    expect(findStaleFigures(w.nodes, w.tallies, w.counts)).toEqual({ votes: [String(w.reply._id)], children: [String(w.reply._id)], articles: [] });
  });

  it("finds a parent whose kept entry of a child is not the child's stored strength", () => {
    const w = world();
    w.claim.children = new Map([[String(w.reply._id), { type: 'rebuttal', origin: 'user', strength: 0.1 }]]);
    expect(findStaleFigures(w.nodes, w.tallies, w.counts).children).toEqual([String(w.claim._id)]);
  });

  it('finds a parent still counting a child that left public view, and the article count', () => {
    const w = world();
    w.reply.status = 'hidden';
    const stale = findStaleFigures(w.nodes, w.tallies, w.counts);
    expect(stale.children).toEqual([String(w.claim._id)]);
    expect(stale.articles).toEqual([String(w.articleId)]);
  });

  it('does not call stale a node stored before children maps existed', () => {
    const w = world();
    delete w.root.children;
    expect(findStaleFigures(w.nodes, w.tallies, w.counts).children).toEqual([]);
  });
});
