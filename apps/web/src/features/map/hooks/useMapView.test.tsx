import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ArgumentNode } from '@agora/shared';
import { makeNode, makeTree } from '../../../test/factories';
import { useMapView } from './useMapView';

describe('useMapView', () => {
  it('shows an article sentence when the reader moves to it, and unfolds the way there', () => {
    const t = makeTree();
    const sentence = makeNode({ parentId: t.claim.id, origin: 'article', sentenceIndex: 1, authorId: null, text: 'A premise' });
    const { result } = renderHook(({ nodes }) => useMapView(nodes), { initialProps: { nodes: [...t.all, sentence] } });
    expect(result.current.showSentences).toBe(false);
    expect(result.current.visible.parent.has(sentence.id)).toBe(false);
    act(() => result.current.toggle(t.claim.id));
    act(() => result.current.moveTo(sentence.id, { highlight: true }));
    expect(result.current.showSentences).toBe(true);
    expect(result.current.collapsed.has(t.claim.id)).toBe(false);
    expect(result.current.visible.parent.get(sentence.id)).toBe(t.claim.id);
    expect(result.current).toMatchObject({ current: sentence.id, highlighted: sentence.id, focus: { id: sentence.id, seq: 1 } });
  });

  it('keeps the reader’s folds as the tree changes, and starts afresh on another article', () => {
    const t = makeTree();
    const { result, rerender } = renderHook(({ nodes }: { nodes: ArgumentNode[] }) => useMapView(nodes), { initialProps: { nodes: t.all } });
    act(() => result.current.toggle(t.claim.id));
    const late = makeNode({ parentId: t.rebut.id, text: 'Arrived live' });
    rerender({ nodes: [...t.all, late] });
    expect(result.current.collapsed.has(t.claim.id)).toBe(true);
    expect(result.current.visible.below.get(t.claim.id)).toBe(4);
    const other = makeTree();
    rerender({ nodes: other.all });
    expect(result.current.collapsed.size).toBe(0);
    expect(result.current.visible.nodes).toHaveLength(5);
  });
});
