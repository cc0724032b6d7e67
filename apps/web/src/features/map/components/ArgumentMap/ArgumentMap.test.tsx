import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { ArgumentNode } from '@agora/shared';
import { makeTree } from '../../../../test/factories';
import { useMapView } from '../../hooks/useMapView';
import { MapOutline } from '../MapOutline/MapOutline';
import { MapSearch } from '../MapSearch/MapSearch';
import { ArgumentMap } from './ArgumentMap';

/** The map as MapPage wires it: its view state, the search box and the canvas or the outline. */
function Harness({ nodes, onOpen = () => {}, outline = false }: { nodes: ArgumentNode[]; onOpen?: (id: string) => void; outline?: boolean }) {
  const view = useMapView(nodes);
  return (
    <MemoryRouter>
      <MapSearch nodes={view.all} onChoose={(id) => view.moveTo(id, { highlight: true })} />
      <div style={{ width: 800, height: 600 }}>
        {outline ? (
          <MapOutline visible={view.visible} collapsed={view.collapsed} highlighted={view.highlighted} focus={view.focus} threadHref={(id) => `/t/${id}`} onToggle={view.toggle} />
        ) : (
          <ArgumentMap
            visible={view.visible}
            collapsed={view.collapsed}
            current={view.current}
            highlighted={view.highlighted}
            focus={view.focus}
            onOpen={onOpen}
            onToggle={view.toggle}
            onMove={(id) => view.moveTo(id)}
          />
        )}
      </div>
    </MemoryRouter>
  );
}

const box = (id: string) => document.querySelector<HTMLElement>(`.react-flow [data-node-id="${id}"]`);

describe('ArgumentMap', () => {
  it('draws one element per node with its kind and strength, and opens a node’s thread on click', () => {
    const t = makeTree();
    const onOpen = vi.fn();
    render(<Harness nodes={t.all} onOpen={onOpen} />);
    for (const n of t.all) expect(document.querySelectorAll(`.react-flow [data-node-id="${n.id}"]`)).toHaveLength(1);
    const rebut = box(t.rebut.id)!;
    expect(rebut).toHaveAttribute('data-node-type', 'rebuttal');
    expect(rebut).toHaveTextContent('Rebuts');
    expect(rebut).toHaveTextContent('30%');
    expect(box(t.root.id)).toHaveTextContent(/^Thesis/);
    fireEvent.click(rebut);
    expect(onOpen).toHaveBeenCalledWith(t.rebut.id);
  });

  it('says "not yet rated" on a node nobody has rated, and leaves it white', () => {
    const t = makeTree();
    const unrated = { ...t.nested, rated: false, strength: 0.5 };
    render(<Harness nodes={[...t.all.filter((n) => n.id !== t.nested.id), unrated]} />);
    const el = box(unrated.id)!;
    expect(el).toHaveTextContent('not yet rated');
    expect(el).not.toHaveTextContent('50%');
    expect(el.getAttribute('aria-label')).toMatch(/^Rebuts, not yet rated: /);
    expect(el.style.background).toBe('rgb(255, 255, 255)');
    expect(box(t.rebut.id)!.getAttribute('aria-label')).toMatch(/strength 30%/);
  });

  it('says when a paragraph argues against the article’s thesis', () => {
    const t = makeTree();
    const against = { ...t.claim, stance: 'against' as const };
    render(<Harness nodes={t.all.map((n) => (n.id === t.claim.id ? against : n))} />);
    expect(box(t.claim.id)).toHaveTextContent(/^Paragraph \d+, against the thesis/);
  });

  it('colours nodes by strength, blue for strong and orange for weak, and makes stronger ones heavier', () => {
    const t = makeTree();
    render(<Harness nodes={t.all} />);
    const weak = box(t.rebut.id)!;
    const strong = box(t.support.id)!;
    expect(parseInt(strong.style.borderWidth)).toBeGreaterThan(parseInt(weak.style.borderWidth));
    const [sr, , sb] = strong.style.background.match(/\d+/g)!.map(Number);
    const [wr, , wb] = weak.style.background.match(/\d+/g)!.map(Number);
    expect(sb).toBeGreaterThan(sr);
    expect(wr).toBeGreaterThan(wb);
  });

  it('folds a branch behind a count of what it hides, and unfolds it again', () => {
    const t = makeTree();
    render(<Harness nodes={t.all} />);
    const toggle = box(t.claim.id)!.querySelector<HTMLButtonElement>('[data-testid="map-toggle"]')!;
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    fireEvent.click(toggle);
    expect(box(t.support.id)).toBeNull();
    expect(box(t.nested.id)).toBeNull();
    const folded = box(t.claim.id)!.querySelector('[data-testid="map-toggle"]')!;
    expect(folded).toHaveTextContent('+3');
    expect(folded).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(folded);
    expect(box(t.nested.id)).not.toBeNull();
  });

  it('moves along the tree with the arrow keys, folds with Space and opens a thread with Enter', () => {
    const t = makeTree();
    const onOpen = vi.fn();
    render(<Harness nodes={t.all} onOpen={onOpen} />);
    const map = screen.getByTestId('argument-map');
    const press = (key: string) => fireEvent.keyDown(map, { key });
    const current = () => document.querySelector('[data-current="true"]')?.getAttribute('data-node-id');
    press('ArrowDown');
    expect(current()).toBe(t.root.id);
    press('ArrowDown');
    expect(current()).toBe(t.claim.id);
    expect(map).toHaveAttribute('aria-activedescendant', `map-node-${t.claim.id}`);
    press('ArrowDown');
    expect(current()).toBe(t.rebut.id);
    press('ArrowRight');
    expect(current()).toBe(t.support.id);
    expect(screen.getByTestId('map-current')).toHaveTextContent(/^Supports, strength 80%: That is right \(1 beneath\)$/);
    press('ArrowLeft');
    press('ArrowUp');
    expect(current()).toBe(t.claim.id);
    press(' ');
    expect(box(t.rebut.id)).toBeNull();
    press('Enter');
    expect(onOpen).toHaveBeenCalledWith(t.claim.id);
  });

  it('finds a node folded out of sight, unfolds the way to it and highlights it', () => {
    const t = makeTree();
    render(<Harness nodes={t.all} />);
    fireEvent.click(box(t.claim.id)!.querySelector('[data-testid="map-toggle"]')!);
    expect(box(t.nested.id)).toBeNull();
    const input = screen.getByRole('combobox', { name: /Find in the map/ });
    fireEvent.change(input, { target: { value: 'not so' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Not so fast']);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(box(t.nested.id)).toHaveAttribute('data-highlighted', 'true');
    expect(box(t.nested.id)).toHaveAttribute('data-current', 'true');
    expect(box(t.rebut.id)).not.toBeNull();
  });
});

describe('MapOutline', () => {
  it('shows the tree as nested links to the threads, with the same folding and search', () => {
    const t = makeTree();
    render(<Harness nodes={t.all} outline />);
    const outline = screen.getByTestId('map-outline');
    const link = outline.querySelector<HTMLAnchorElement>(`[data-node-id="${t.support.id}"] a`)!;
    expect(link).toHaveAttribute('href', `/t/${t.support.id}`);
    expect(link).toHaveTextContent(/^That is right$/);
    expect(outline.querySelector(`[data-node-id="${t.support.id}"]`)).toHaveTextContent(/^Supports80%/);
    fireEvent.click(screen.getAllByRole('button', { name: 'Hide' })[1]);
    expect(outline.querySelector(`[data-node-id="${t.support.id}"]`)).toBeNull();
    expect(screen.getByRole('button', { name: 'Show 3 beneath' })).toHaveAttribute('aria-expanded', 'false');
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('option', { name: 'That is right' }));
    expect(outline.querySelector(`[data-node-id="${t.support.id}"]`)).toHaveAttribute('data-highlighted', 'true');
  });
});
