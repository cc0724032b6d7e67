import type { VisibleTree } from './map-tree';

export type MapKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home';
export const MAP_KEYS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home'] satisfies MapKey[];

/**
 * The node a key moves to along the tree on show: up to the parent, down to the first child, left
 * and right to the previous and next sibling, Home to the thesis. Where there is none, it stays.
 */
export function moveAlongTree(visible: Pick<VisibleTree, 'nodes' | 'parent' | 'children'>, from: string, key: MapKey): string {
  const root = visible.nodes[0]?.id ?? from;
  if (!visible.parent.has(from)) return root;
  switch (key) {
    case 'Home':
      return root;
    case 'ArrowUp':
      return visible.parent.get(from) ?? from;
    case 'ArrowDown':
      return visible.children.get(from)?.[0] ?? from;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const parentId = visible.parent.get(from);
      const siblings = parentId ? visible.children.get(parentId) ?? [] : [];
      const at = siblings.indexOf(from);
      const next = siblings[at + (key === 'ArrowLeft' ? -1 : 1)];
      return next ?? from;
    }
  }
}
