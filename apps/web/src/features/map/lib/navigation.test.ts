import { describe, expect, it } from 'vitest';
import { makeTree } from '../../../test/factories';
import { buildMapTree, visibleTree } from './map-tree';
import { moveAlongTree } from './navigation';

describe('moveAlongTree', () => {
  const t = makeTree();
  const tree = buildMapTree(t.all);
  const open = visibleTree(tree, { collapsed: new Set(), showSentences: true });

  it('goes up to the parent, down to the first child, and across to the siblings', () => {
    expect(moveAlongTree(open, t.claim.id, 'ArrowUp')).toBe(t.root.id);
    expect(moveAlongTree(open, t.claim.id, 'ArrowDown')).toBe(t.rebut.id);
    expect(moveAlongTree(open, t.rebut.id, 'ArrowRight')).toBe(t.support.id);
    expect(moveAlongTree(open, t.support.id, 'ArrowLeft')).toBe(t.rebut.id);
    expect(moveAlongTree(open, t.nested.id, 'Home')).toBe(t.root.id);
  });

  it('stays put at the ends of the tree', () => {
    expect(moveAlongTree(open, t.root.id, 'ArrowUp')).toBe(t.root.id);
    expect(moveAlongTree(open, t.root.id, 'ArrowLeft')).toBe(t.root.id);
    expect(moveAlongTree(open, t.support.id, 'ArrowRight')).toBe(t.support.id);
    expect(moveAlongTree(open, t.nested.id, 'ArrowDown')).toBe(t.nested.id);
  });

  it('does not go down into a folded branch, and starts from the thesis when the node is not on show', () => {
    const folded = visibleTree(tree, { collapsed: new Set([t.claim.id]), showSentences: true });
    expect(moveAlongTree(folded, t.claim.id, 'ArrowDown')).toBe(t.claim.id);
    expect(moveAlongTree(folded, t.nested.id, 'ArrowUp')).toBe(t.root.id);
  });
});
