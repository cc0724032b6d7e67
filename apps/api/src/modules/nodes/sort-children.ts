import type { ArgumentNode, ChildrenQuery } from '@agora/shared';

/** The order of each listing: pinned first, then the sort's own key, newest first on ties. */
const KEYS: Record<Exclude<ChildrenQuery['sort'], 'bridging'>, (n: ArgumentNode) => number> = {
  strength: (n) => n.strength,
  new: () => 0,
  votes: (n) => n.votes.count,
};

/** Children in the order a listing shows them (a new array); `bridging` gives each node's bridging score. */
export function sortChildren(nodes: readonly ArgumentNode[], sort: ChildrenQuery['sort'], bridging: (n: ArgumentNode) => number = KEYS.strength): ArgumentNode[] {
  const key = sort === 'bridging' ? bridging : KEYS[sort];
  return [...nodes].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || key(b) - key(a) || (b.createdAt < a.createdAt ? -1 : b.createdAt > a.createdAt ? 1 : 0) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0),
  );
}
