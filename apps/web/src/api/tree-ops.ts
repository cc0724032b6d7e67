import { canReadText, type ArgumentNode, type PublicUser, type VoteTotals } from '@agora/shared';

type Viewer = Pick<PublicUser, 'id' | 'role'> | null | undefined;

/**
 * Whether a node as received belongs on this viewer's page. Visible nodes always do (a withdrawn one
 * stays as a placeholder so its replies keep their place); others only when the server sent their
 * text and the viewer may read it (author, moderators).
 */
export function belongsOnPage(node: ArgumentNode, viewer: Viewer): boolean {
  if (node.status === 'visible') return true;
  return node.text.length > 0 && canReadText(viewer ?? null, node);
}

/** Inserts or replaces a node, or drops it when the viewer may no longer see it. Pure. */
export function applyNode(nodes: readonly ArgumentNode[], incoming: ArgumentNode, viewer: Viewer): ArgumentNode[] {
  const i = nodes.findIndex((n) => n.id === incoming.id);
  if (!belongsOnPage(incoming, viewer)) {
    return i === -1 ? (nodes as ArgumentNode[]) : nodes.filter((n) => n.id !== incoming.id);
  }
  if (i === -1) return [...nodes, incoming];
  const current = nodes[i];
  if (current.version > incoming.version) return nodes as ArgumentNode[];
  const next = nodes.slice();
  // Totals newer than the event's stay: they came with a vote the event was numbered before.
  next[i] = current.votesVersion > incoming.votesVersion ? { ...incoming, votes: current.votes, votesVersion: current.votesVersion } : incoming;
  return next;
}

/** Changes some fields of one node, keeping every other node object as it was. */
export function patchNode(nodes: readonly ArgumentNode[], id: string, patch: Partial<ArgumentNode>): ArgumentNode[] {
  const i = nodes.findIndex((n) => n.id === id);
  if (i === -1) return nodes as ArgumentNode[];
  const next = nodes.slice();
  next[i] = { ...nodes[i], ...patch };
  return next;
}

/** New vote totals for a node, unless those on the page are newer (events of one node can cross). */
export function applyVote(nodes: readonly ArgumentNode[], id: string, votes: VoteTotals, votesVersion: number, strength: number): ArgumentNode[] {
  const current = nodes.find((n) => n.id === id);
  if (!current || current.votesVersion > votesVersion) return nodes as ArgumentNode[];
  return patchNode(nodes, id, { votes, votesVersion, strength });
}

export function applyStrengths(nodes: readonly ArgumentNode[], changes: readonly { nodeId: string; strength: number }[]): ArgumentNode[] {
  const byId = new Map(changes.map((c) => [c.nodeId, c.strength]));
  let changed = false;
  const next = nodes.map((n) => {
    const s = byId.get(n.id);
    if (s === undefined || s === n.strength) return n;
    changed = true;
    return { ...n, strength: s };
  });
  return changed ? next : (nodes as ArgumentNode[]);
}

export interface TreeIndex {
  byId: Map<string, ArgumentNode>;
  children: Map<string, ArgumentNode[]>;
  root: ArgumentNode | undefined;
  claimByParagraph: Map<number, ArgumentNode>;
}

/** Indexes the flat node list by id and by parent. */
export function indexTree(nodes: readonly ArgumentNode[]): TreeIndex {
  const byId = new Map<string, ArgumentNode>();
  const children = new Map<string, ArgumentNode[]>();
  const claimByParagraph = new Map<number, ArgumentNode>();
  let root: ArgumentNode | undefined;
  for (const n of nodes) {
    byId.set(n.id, n);
    if (n.parentId === null) root ??= n;
    else {
      const list = children.get(n.parentId);
      if (list) list.push(n);
      else children.set(n.parentId, [n]);
    }
    if (n.type === 'claim' && n.paragraphIndex !== null && n.parentId !== null) claimByParagraph.set(n.paragraphIndex, n);
  }
  return { byId, children, root, claimByParagraph };
}

/** Direct replies counted by kind, only those the public sees. */
export function countReplies(children: readonly ArgumentNode[] | undefined): { support: number; rebuttal: number } {
  const counts = { support: 0, rebuttal: 0 };
  for (const c of children ?? []) {
    if (c.status !== 'visible' || c.withdrawn) continue;
    if (c.type === 'support') counts.support++;
    else if (c.type === 'rebuttal') counts.rebuttal++;
  }
  return counts;
}

/** Number of user-written nodes anywhere below a node. */
export function countUserDescendants(index: TreeIndex, id: string): number {
  let total = 0;
  const stack = [...(index.children.get(id) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.origin === 'user') total++;
    stack.push(...(index.children.get(n.id) ?? []));
  }
  return total;
}

export const CHILD_SORT_LABELS = { strength: 'Strongest', new: 'Newest', votes: 'Most votes' } as const;
export type ChildSort = keyof typeof CHILD_SORT_LABELS;

/** Pinned first, then by the chosen order; ties broken by age so the order is stable. */
export function sortChildren(list: readonly ArgumentNode[], sort: ChildSort): ArgumentNode[] {
  const key = (n: ArgumentNode): number => {
    switch (sort) {
      case 'strength':
        return n.strength;
      case 'new':
        return Date.parse(n.createdAt) || 0;
      case 'votes':
        return n.votes.count;
    }
  };
  return [...list].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    const d = key(b) - key(a);
    if (d !== 0) return d;
    return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
  });
}
