import type { ArgumentNode } from '@agora/shared';

/**
 * The nodes whose text holds `query` (case and spacing aside), at most `limit`: those where it starts
 * a word first, then the shallower, then in the order given.
 */
export function searchNodes(nodes: Iterable<ArgumentNode>, query: string, limit = 8): ArgumentNode[] {
  const q = query.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!q) return [];
  const hits: { node: ArgumentNode; wordStart: boolean; order: number }[] = [];
  let order = 0;
  for (const node of nodes) {
    order++;
    if (node.withdrawn) continue;
    const text = node.text.replace(/\s+/g, ' ').toLowerCase();
    const at = text.indexOf(q);
    if (at < 0) continue;
    hits.push({ node, wordStart: at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]), order });
  }
  hits.sort((a, b) => Number(b.wordStart) - Number(a.wordStart) || a.node.depth - b.node.depth || a.order - b.order);
  return hits.slice(0, limit).map((h) => h.node);
}
