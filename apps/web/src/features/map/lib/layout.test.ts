import { describe, expect, it } from 'vitest';
import { makeTree } from '../../../test/factories';
import { layoutArgumentMap, NODE_HEIGHT, NODE_WIDTH } from './layout';
import { buildMapTree, visibleTree } from './map-tree';

describe('layoutArgumentMap', () => {
  it('puts the thesis on top, each generation below the last and siblings side by side without overlaps', () => {
    const t = makeTree();
    const sut = layoutArgumentMap(visibleTree(buildMapTree(t.all), { collapsed: new Set(), showSentences: true }));
    const at = new Map(sut.nodes.map((p) => [p.node.id, p]));
    expect(sut.nodes).toHaveLength(5);
    expect(at.get(t.claim.id)!.y).toBeGreaterThanOrEqual(at.get(t.root.id)!.y + NODE_HEIGHT);
    expect(at.get(t.nested.id)!.y).toBeGreaterThanOrEqual(at.get(t.support.id)!.y + NODE_HEIGHT);
    expect(at.get(t.support.id)!.x - at.get(t.rebut.id)!.x).toBeGreaterThanOrEqual(NODE_WIDTH);
    expect(sut.edges.map((e) => `${e.source}>${e.target}`)).toContain(`${t.support.id}>${t.nested.id}`);
  });

  it('lays out only the nodes on show', () => {
    const t = makeTree();
    const sut = layoutArgumentMap(visibleTree(buildMapTree(t.all), { collapsed: new Set([t.claim.id]), showSentences: true }));
    expect(sut.nodes.map((p) => p.node.id)).toEqual([t.root.id, t.claim.id]);
    expect(sut.edges).toHaveLength(1);
  });
});
