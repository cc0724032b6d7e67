import { stratify, tree as d3tree } from 'd3-hierarchy';
import type { ArgumentNode } from '@agora/shared';

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 92;
const GAP_Y = 18;
const GAP_X = 90;

export interface PlacedNode {
  node: ArgumentNode;
  x: number;
  y: number;
  depth: number;
}

export interface MapLayout {
  nodes: PlacedNode[];
  edges: { id: string; source: string; target: string; type: ArgumentNode['type'] }[];
}

/**
 * A left-to-right tidy tree (Reingold-Tilford, via d3-hierarchy) of every node that hangs from the
 * thesis. Nodes whose parent the viewer cannot see are left out rather than breaking the layout.
 */
export function layoutArgumentMap(all: readonly ArgumentNode[]): MapLayout {
  const root = all.find((n) => n.parentId === null);
  if (!root) return { nodes: [], edges: [] };
  const byParent = new Map<string, ArgumentNode[]>();
  for (const n of all) {
    if (n.parentId === null) continue;
    const list = byParent.get(n.parentId);
    if (list) list.push(n);
    else byParent.set(n.parentId, [n]);
  }
  const reachable: ArgumentNode[] = [];
  const stack = [root];
  const seen = new Set<string>();
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    reachable.push(n);
    for (const c of byParent.get(n.id) ?? []) stack.push(c);
  }
  // Paragraphs in reading order, then sentences, then replies by age: a stable, readable order.
  const order = (a: ArgumentNode, b: ArgumentNode) =>
    (a.paragraphIndex ?? Infinity) - (b.paragraphIndex ?? Infinity) ||
    (a.sentenceIndex ?? Infinity) - (b.sentenceIndex ?? Infinity) ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

  const hierarchy = stratify<ArgumentNode>()
    .id((n) => n.id)
    .parentId((n) => n.parentId)(reachable)
    .sort((a, b) => order(a.data, b.data));
  const laidOut = d3tree<ArgumentNode>().nodeSize([NODE_HEIGHT + GAP_Y, NODE_WIDTH + GAP_X])(hierarchy);

  const nodes: PlacedNode[] = laidOut.descendants().map((d) => ({ node: d.data, x: d.y, y: d.x, depth: d.depth }));
  const edges = laidOut.links().map((l) => ({
    id: `${l.source.data.id}->${l.target.data.id}`,
    source: l.source.data.id,
    target: l.target.data.id,
    type: l.target.data.type,
  }));
  return { nodes, edges };
}
