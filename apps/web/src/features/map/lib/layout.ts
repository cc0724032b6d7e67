import { hierarchy, tree as d3tree } from 'd3-hierarchy';
import type { ArgumentNode } from '@agora/shared';
import type { VisibleTree } from './map-tree';

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 92;
const GAP_X = 24;
const GAP_Y = 70;

export interface PlacedNode {
  node: ArgumentNode;
  /** Top-left corner. */
  x: number;
  y: number;
  depth: number;
}

export interface MapLayout {
  nodes: PlacedNode[];
  edges: { id: string; source: string; target: string; type: ArgumentNode['type'] }[];
}

/**
 * A top-down tidy tree (Reingold-Tilford, via d3-hierarchy) of the nodes on show only: the thesis at
 * the top, each node's children in a row beneath it, so that up and down move between generations and
 * left and right between siblings, as the keys do. Folded branches cost nothing.
 */
export function layoutArgumentMap(visible: Pick<VisibleTree, 'nodes' | 'children'>): MapLayout {
  const root = visible.nodes[0];
  if (!root) return { nodes: [], edges: [] };
  const byId = new Map(visible.nodes.map((n) => [n.id, n]));
  const h = hierarchy<ArgumentNode>(root, (n) => visible.children.get(n.id)?.map((id) => byId.get(id)!));
  const laidOut = d3tree<ArgumentNode>().nodeSize([NODE_WIDTH + GAP_X, NODE_HEIGHT + GAP_Y])(h);
  const nodes: PlacedNode[] = laidOut.descendants().map((d) => ({ node: d.data, x: d.x - NODE_WIDTH / 2, y: d.y, depth: d.depth }));
  const edges = laidOut.links().map((l) => ({
    id: `${l.source.data.id}->${l.target.data.id}`,
    source: l.source.data.id,
    target: l.target.data.id,
    type: l.target.data.type,
  }));
  return { nodes, edges };
}
