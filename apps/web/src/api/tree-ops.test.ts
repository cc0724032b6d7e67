import { describe, expect, it } from 'vitest';
import { makeNode, makeTree, makeUser } from '../test/factories';
import { applyNode, applyNodeChange, applyStrengths, applyVote, mergeNodes, replyDelta, sortChildren } from './tree-ops';

const totals = (count: number, sum: number) => ({ count, sum, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': count } });

describe('tree-ops', () => {
  it('keeps the newer of two vote totals, whatever order they arrive in', () => {
    const node = makeNode({ votesVersion: 3, votes: totals(3, 15), strength: 0.7 });
    expect(applyVote([node], node.id, totals(2, 10), 2, 0.6, true)[0]).toMatchObject({ votesVersion: 3, strength: 0.7 });
    expect(applyVote([node], node.id, totals(4, 20), 4, 0.8, true)[0]).toMatchObject({ votesVersion: 4, votes: { count: 4 }, strength: 0.8, rated: true });
  });

  it('keeps newer totals when an older copy of the node arrives with an edit', () => {
    const node = makeNode({ votesVersion: 5, votes: totals(5, 25), version: 1 });
    const edited = { ...node, text: 'edited', version: 2, votesVersion: 1, votes: totals(1, 5) };
    expect(applyNode([node], edited, null)[0]).toMatchObject({ text: 'edited', votesVersion: 5, votes: { count: 5 } });
  });

  it('applies the strengths an event carries to the nodes on the page only', () => {
    const a = makeNode({ strength: 0.5, rated: false });
    const sut = applyStrengths([a], [{ nodeId: a.id, strength: 0.25, rated: true }, { nodeId: 'elsewhere', strength: 1, rated: true }]);
    expect(sut).toEqual([{ ...a, strength: 0.25, rated: true }]);
    // Rated at the same strength: a change all the same.
    expect(applyStrengths([a], [{ nodeId: a.id, strength: 0.5, rated: true }])[0].rated).toBe(true);
  });
});

describe('mergeNodes', () => {
  it('adds the nodes it has not seen, after those it has', () => {
    const a = makeNode();
    const b = makeNode();
    const sut = mergeNodes([a], [b]);
    expect(sut.map((n) => n.id)).toEqual([a.id, b.id]);
  });

  it('keeps the newer body and the newer totals of two copies of one node, from either side', () => {
    const held = makeNode({ text: 'edited', version: 3, votesVersion: 1, votes: totals(1, 5) });
    const read = { ...held, text: 'before the edit', version: 2, votesVersion: 4, votes: totals(4, 20) };
    const [sut] = mergeNodes([held], [read]);
    expect(sut).toMatchObject({ text: 'edited', version: 3, votesVersion: 4, votes: { count: 4 } });
    const [reverse] = mergeNodes([read], [held]);
    expect(reverse).toMatchObject({ text: 'edited', version: 3, votesVersion: 4, votes: { count: 4 } });
  });

  it('takes a stored node over the first screen’s outline of it', () => {
    const outline = makeNode({ type: 'claim', version: 0, votesVersion: -1 });
    const stored = { ...outline, version: 1, votesVersion: 0, locked: true };
    expect(mergeNodes([outline], [stored])[0]).toBe(stored);
  });

  it('keeps the held copy, figures kept current by live events, over a read with the same versions', () => {
    const held = makeNode({ strength: 0.12, replyCounts: { support: 3, rebuttal: 0, comment: 0 } });
    const read = { ...held, strength: 0.8, replyCounts: { support: 2, rebuttal: 0, comment: 0 } };
    const list = [held];
    expect(mergeNodes(list, [read])).toBe(list);
  });

  it('collapses duplicates within one batch and returns the same list when nothing is new', () => {
    const a = makeNode({ version: 1 });
    const a2 = { ...a, version: 2, text: 'second' };
    expect(mergeNodes([], [a, a2])).toEqual([a2]);
    const list = [a2];
    expect(mergeNodes(list, [a])).toBe(list);
    expect(mergeNodes(list, [])).toBe(list);
  });
});

describe('applyNodeChange on a partial list', () => {
  it('adds a new reply under a loaded parent and counts it there', () => {
    const t = makeTree();
    const reply = makeNode({ type: 'rebuttal', parentId: t.claim.id });
    const sut = applyNodeChange([t.claim], reply, null, true);
    expect(sut.map((n) => n.id)).toEqual([t.claim.id, reply.id]);
    expect(sut[0].replyCounts).toEqual({ support: 1, rebuttal: 2, comment: 0 });
  });

  it('leaves a reply under a subtree nobody opened out of the list', () => {
    const t = makeTree();
    const deep = makeNode({ parentId: t.nested.id });
    expect(applyNodeChange([t.claim, t.support], deep, null, true)).toEqual([t.claim, t.support]);
  });

  it('counts a reply once, however often it arrives (the poster’s answer, then the event)', () => {
    const t = makeTree();
    const reply = makeNode({ type: 'support', parentId: t.claim.id });
    const once = applyNodeChange([t.claim], reply, null, true);
    expect(applyNodeChange(once, reply, null, true)[0].replyCounts.support).toBe(2);
  });

  it('uncounts a reply a moderator hides, and drops it for readers who may not see it', () => {
    const t = makeTree();
    const hidden = { ...t.rebut, status: 'hidden' as const, text: '', version: 2 };
    const sut = applyNodeChange([t.claim, t.rebut], hidden, makeUser({ id: 'someone' }), false);
    expect(sut.map((n) => n.id)).toEqual([t.claim.id]);
    expect(sut[0].replyCounts.rebuttal).toBe(0);
  });

  it('does not count a pending reply, nor guess about a change to a node it never held', () => {
    const t = makeTree();
    const pending = makeNode({ parentId: t.claim.id, status: 'pending', authorId: 'me' });
    expect(applyNodeChange([t.claim], pending, makeUser({ id: 'me' }), true)[0].replyCounts).toEqual(t.claim.replyCounts);
    const edited = makeNode({ parentId: t.claim.id, version: 2 });
    const sut = applyNodeChange([t.claim], edited, null, false);
    expect(sut.map((n) => n.id)).toEqual([t.claim.id, edited.id]);
    expect(sut[0].replyCounts).toEqual(t.claim.replyCounts);
  });

  it('tells how a change moves the count: only between counted and not', () => {
    const visible = makeNode();
    expect(replyDelta(undefined, visible, true)).toBe(1);
    expect(replyDelta(undefined, visible, false)).toBe(0);
    expect(replyDelta(visible, { ...visible, text: 'edit', version: 2 }, false)).toBe(0);
    expect(replyDelta(visible, { ...visible, status: 'removed', version: 2 }, false)).toBe(-1);
    // An older copy arriving late changes nothing.
    expect(replyDelta({ ...visible, status: 'hidden', version: 3 }, { ...visible, version: 2 }, false)).toBe(0);
  });
});

describe('sortChildren by bridging', () => {
  it('orders by the bridging score given, pinned first, and by strength without one', () => {
    const [a, b, c] = [makeNode({ id: 'a', strength: 0.9 }), makeNode({ id: 'b', strength: 0.4 }), makeNode({ id: 'c', strength: 0.1, pinned: true })];
    const scores: Record<string, number> = { a: 0.2, b: 0.6, c: 0 };
    expect(sortChildren([a, b, c], 'bridging', (n) => scores[n.id]).map((n) => n.id)).toEqual(['c', 'b', 'a']);
    expect(sortChildren([b, a], 'bridging').map((n) => n.id)).toEqual(['a', 'b']);
  });
});
