import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeNode, makeTree } from '../../../../test/factories';
import { layoutArgumentMap, NODE_HEIGHT } from '../../layout';
import { ArgumentMap } from './ArgumentMap';

describe('layoutArgumentMap', () => {
  it('places the thesis left of its claims and each reply right of its parent, without overlaps', () => {
    const t = makeTree();
    const sut = layoutArgumentMap(t.all);
    const at = new Map(sut.nodes.map((p) => [p.node.id, p]));
    expect(sut.nodes).toHaveLength(5);
    expect(at.get(t.claim.id)!.x).toBeGreaterThan(at.get(t.root.id)!.x);
    expect(at.get(t.nested.id)!.x).toBeGreaterThan(at.get(t.support.id)!.x);
    const siblings = [at.get(t.rebut.id)!, at.get(t.support.id)!];
    expect(Math.abs(siblings[0].y - siblings[1].y)).toBeGreaterThanOrEqual(NODE_HEIGHT);
    expect(sut.edges.map((e) => `${e.source}>${e.target}`)).toContain(`${t.support.id}>${t.nested.id}`);
  });

  it('leaves out nodes whose parent the viewer cannot see', () => {
    const t = makeTree();
    const orphan = makeNode({ parentId: 'f'.repeat(24) });
    const sut = layoutArgumentMap([...t.all, orphan]);
    expect(sut.nodes.map((p) => p.node.id)).not.toContain(orphan.id);
  });
});

describe('ArgumentMap', () => {
  it('draws one element per node with its kind and strength, and opens a node’s thread on click', () => {
    const t = makeTree();
    const onOpen = vi.fn();
    render(
      <div style={{ width: 800, height: 600 }}>
        <ArgumentMap nodes={t.all} onOpen={onOpen} />
      </div>,
    );
    for (const n of t.all) expect(document.querySelectorAll(`[data-node-id="${n.id}"]`)).toHaveLength(1);
    const rebut = document.querySelector<HTMLElement>(`[data-node-id="${t.rebut.id}"]`)!;
    expect(rebut).toHaveAttribute('data-node-type', 'rebuttal');
    expect(rebut).toHaveTextContent('Rebuts');
    expect(rebut).toHaveTextContent('30%');
    expect(document.querySelector(`[data-node-id="${t.root.id}"]`)).toHaveTextContent(/^Thesis/);
    fireEvent.click(rebut);
    expect(onOpen).toHaveBeenCalledWith(t.rebut.id);
  });

  it('says "not yet rated" on a node nobody has rated, instead of a percentage', () => {
    const t = makeTree();
    const unrated = { ...t.nested, rated: false, strength: 0.5 };
    render(<ArgumentMap nodes={[...t.all.filter((n) => n.id !== t.nested.id), unrated]} onOpen={() => {}} />);
    const el = document.querySelector<HTMLElement>(`[data-node-id="${unrated.id}"]`)!;
    expect(el).toHaveTextContent('not yet rated');
    expect(el).not.toHaveTextContent('50%');
    expect(el.textContent).toMatch(/^Rebuts, not yet rated: /);
    expect(document.querySelector(`[data-node-id="${t.rebut.id}"]`)!.textContent).toMatch(/strength 30%/);
  });

  it('says when a paragraph argues against the article’s thesis', () => {
    const t = makeTree();
    const against = { ...t.claim, stance: 'against' as const };
    render(<ArgumentMap nodes={t.all.map((n) => (n.id === t.claim.id ? against : n))} onOpen={() => {}} />);
    const claim = document.querySelector<HTMLElement>(`[data-node-id="${t.claim.id}"]`)!;
    expect(claim).toHaveTextContent(/^Paragraph \d+, against the thesis/);
  });

  it('makes stronger nodes heavier', () => {
    const t = makeTree();
    render(<ArgumentMap nodes={t.all} onOpen={() => {}} />);
    const weak = document.querySelector<HTMLElement>(`[data-node-id="${t.rebut.id}"]`)!;
    const strong = document.querySelector<HTMLElement>(`[data-node-id="${t.support.id}"]`)!;
    expect(parseInt(strong.style.borderWidth)).toBeGreaterThan(parseInt(weak.style.borderWidth));
  });
});
