import { describe, expect, it } from 'vitest';
import type { ArgumentNode } from '@agora/shared';
import { makeNode, makeTree } from '../../../test/factories';
import { buildMapTree, initialCollapsed, revealNode, toggleCollapsed, visibleTree } from './map-tree';

const under = (parent: ArgumentNode, over: Partial<ArgumentNode> = {}) =>
  makeNode({ parentId: parent.id, ancestors: [...parent.ancestors, parent.id], depth: parent.depth + 1, paragraphIndex: parent.paragraphIndex, ...over });

/** The small tree with an article sentence under the claim and a reader's reply under a second one. */
function withSentences() {
  const t = makeTree();
  const quiet = under(t.claim, { origin: 'article', type: 'support', sentenceIndex: 1, authorId: null, text: 'A premise nobody argues' });
  const argued = under(t.claim, { origin: 'article', type: 'rebuttal', sentenceIndex: 2, authorId: null, text: 'A premise argued over' });
  const onArgued = under(argued, { type: 'rebuttal', text: 'Not so' });
  return { ...t, quiet, argued, onArgued, all: [...t.all, quiet, argued, onArgued] };
}

describe('buildMapTree', () => {
  it('orders children by paragraph, sentence, then age, and leaves out nodes cut off from the thesis', () => {
    const t = withSentences();
    const orphan = makeNode({ parentId: 'f'.repeat(24) });
    const sut = buildMapTree([...t.all].reverse().concat(orphan));
    expect(sut.root?.id).toBe(t.root.id);
    expect(sut.byId.has(orphan.id)).toBe(false);
    expect(sut.children.get(t.claim.id)!.map((n) => n.text)).toEqual(['A premise nobody argues', 'A premise argued over', 'That is wrong', 'That is right']);
  });
});

describe('visibleTree', () => {
  it('shows everything unfolded, in reading order, with what each node could unfold', () => {
    const t = makeTree();
    const sut = visibleTree(buildMapTree(t.all), { collapsed: new Set(), showSentences: true });
    expect(sut.nodes.map((n) => n.id)).toEqual([t.root.id, t.claim.id, t.rebut.id, t.support.id, t.nested.id]);
    expect(sut.parent.get(t.nested.id)).toBe(t.support.id);
    expect(sut.below.get(t.root.id)).toBe(4);
    expect(sut.below.get(t.support.id)).toBe(1);
  });

  it('leaves out what hangs beneath a folded node, and counts it there', () => {
    const t = makeTree();
    const sut = visibleTree(buildMapTree(t.all), { collapsed: new Set([t.claim.id]), showSentences: true });
    expect(sut.nodes.map((n) => n.id)).toEqual([t.root.id, t.claim.id]);
    expect(sut.children.has(t.claim.id)).toBe(false);
    expect(sut.below.get(t.claim.id)).toBe(3);
  });

  it('hides article sentences nobody replied beneath unless asked, with what hangs from them', () => {
    const t = withSentences();
    const tree = buildMapTree(t.all);
    const hidden = visibleTree(tree, { collapsed: new Set(), showSentences: false });
    const ids = hidden.nodes.map((n) => n.id);
    expect(ids).not.toContain(t.quiet.id);
    expect(ids).toContain(t.argued.id);
    expect(ids).toContain(t.onArgued.id);
    expect(hidden.below.get(t.claim.id)).toBe(5);
    const shown = visibleTree(tree, { collapsed: new Set(), showSentences: true });
    expect(shown.nodes.map((n) => n.id)).toContain(t.quiet.id);
    expect(shown.below.get(t.claim.id)).toBe(6);
  });
});

describe('initialCollapsed', () => {
  it('opens a small debate whole', () => {
    const t = makeTree();
    expect(initialCollapsed(buildMapTree(t.all), { showSentences: true }).size).toBe(0);
  });

  it('opens a big debate on as many levels as fit the budget, folding the first that does not', () => {
    const root = makeNode({ type: 'claim', origin: 'article' });
    const claims = Array.from({ length: 50 }, (_, i) => under(root, { type: 'claim', origin: 'article', paragraphIndex: i }));
    const replies = claims.flatMap((c) => [under(c), under(c), under(c)]);
    const tree = buildMapTree([root, ...claims, ...replies]);
    const sut = initialCollapsed(tree, { showSentences: true }, 120);
    expect([...sut].sort()).toEqual(claims.map((c) => c.id).sort());
    expect(visibleTree(tree, { collapsed: sut, showSentences: true }).nodes).toHaveLength(51);
  });
});

describe('revealNode and toggleCollapsed', () => {
  it('unfolds every ancestor of a node and nothing else, and folds or unfolds one node', () => {
    const t = makeTree();
    const tree = buildMapTree(t.all);
    const folded = new Set([t.root.id, t.claim.id, t.support.id, t.rebut.id]);
    expect([...revealNode(tree, folded, t.nested.id)]).toEqual([t.rebut.id]);
    expect(toggleCollapsed(new Set([t.claim.id]), t.claim.id).size).toBe(0);
    expect([...toggleCollapsed(new Set(), t.claim.id)]).toEqual([t.claim.id]);
  });
});
