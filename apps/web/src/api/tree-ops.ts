import { canReadText, replyTotal, type ArgumentNode, type PublicUser, type StrengthFigure, type VoteTotals } from '@agora/shared';

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

/**
 * Of two copies of one node, the newer body (by `version`) with the newer vote totals (by
 * `votesVersion`): events and reads of one node can cross. Ties go to `incoming`, the later arrival.
 */
export function newerOf(current: ArgumentNode, incoming: ArgumentNode): ArgumentNode {
  const [body, other] = current.version > incoming.version ? [current, incoming] : [incoming, current];
  return other.votesVersion > body.votesVersion ? { ...body, votes: other.votes, votesVersion: other.votesVersion } : body;
}

/** Inserts or replaces a node, or drops it when the viewer may no longer see it. Pure. */
export function applyNode(nodes: readonly ArgumentNode[], incoming: ArgumentNode, viewer: Viewer): ArgumentNode[] {
  const i = nodes.findIndex((n) => n.id === incoming.id);
  if (!belongsOnPage(incoming, viewer)) {
    return i === -1 ? (nodes as ArgumentNode[]) : nodes.filter((n) => n.id !== incoming.id);
  }
  if (i === -1) return [...nodes, incoming];
  const kept = newerOf(nodes[i], incoming);
  if (kept === nodes[i]) return nodes as ArgumentNode[];
  const next = nodes.slice();
  next[i] = kept;
  return next;
}

/**
 * Nodes read from the server (a page of replies, a thread) added to the list: of two copies of one
 * node the newer is kept (see newerOf). On equal versions the held copy stays: live events have kept
 * its figures current, while the read may have left the server before the last of them. Pure; returns
 * `list` itself when nothing changed.
 */
export function mergeNodes(list: readonly ArgumentNode[], incoming: readonly ArgumentNode[]): ArgumentNode[] {
  const at = new Map(list.map((n, i) => [n.id, i]));
  let next: ArgumentNode[] | null = null;
  for (const node of incoming) {
    const i = at.get(node.id);
    next ??= list.slice();
    if (i === undefined) {
      at.set(node.id, next.length);
      next.push(node);
    } else next[i] = newerOf(node, next[i]);
  }
  return next && next.some((n, i) => n !== list[i]) ? next : (list as ArgumentNode[]);
}

/** Whether a node is among its parent's `replyCounts`, as the server counts them: public replies by readers. */
export function countsAsReply(node: Pick<ArgumentNode, 'origin' | 'status' | 'type'>): boolean {
  return node.origin === 'user' && node.status === 'visible' && node.type !== 'claim';
}

/**
 * How a node's change moves its parent's reply count: +1 when it starts counting, -1 when it stops.
 * `held` is the copy on the page; without one, a new node did not count before and anything else is
 * unknown (0: a node the page never loaded may have counted all along).
 */
export function replyDelta(held: ArgumentNode | undefined, incoming: ArgumentNode, isNew: boolean): -1 | 0 | 1 {
  if (!held && !isNew) return 0;
  const before = held ? countsAsReply(held) : false;
  const after = countsAsReply(held ? newerOf(held, incoming) : incoming);
  return before === after ? 0 : after ? 1 : -1;
}

/**
 * A node as an event or a write's answer tells it, applied to a list that may hold only part of the
 * article: it joins the list when its parent is there (a reply under a subtree nobody opened stays out),
 * is replaced or dropped as applyNode says, and its parent's reply counts follow it. `isNew`: the node was
 * just created (node:created, a reply just posted). Pure.
 */
export function applyNodeChange(nodes: readonly ArgumentNode[], incoming: ArgumentNode, viewer: Viewer, isNew: boolean): ArgumentNode[] {
  const held = nodes.find((n) => n.id === incoming.id);
  const parent = incoming.parentId === null ? undefined : nodes.find((n) => n.id === incoming.parentId);
  let next = held || parent || incoming.parentId === null ? applyNode(nodes, incoming, viewer) : (nodes as ArgumentNode[]);
  const delta = replyDelta(held, incoming, isNew);
  if (parent && delta !== 0 && incoming.type !== 'claim') {
    const counts = { ...parent.replyCounts, [incoming.type]: Math.max(0, (parent.replyCounts[incoming.type] ?? 0) + delta) };
    next = patchNode(next, parent.id, { replyCounts: counts });
  }
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
export function applyVote(nodes: readonly ArgumentNode[], id: string, votes: VoteTotals, votesVersion: number, strength: number, rated: boolean): ArgumentNode[] {
  const current = nodes.find((n) => n.id === id);
  if (!current || current.votesVersion > votesVersion) return nodes as ArgumentNode[];
  return patchNode(nodes, id, { votes, votesVersion, strength, rated });
}

export function applyStrengths(nodes: readonly ArgumentNode[], changes: readonly StrengthFigure[]): ArgumentNode[] {
  const byId = new Map(changes.map((c) => [c.nodeId, c]));
  let changed = false;
  const next = nodes.map((n) => {
    const s = byId.get(n.id);
    if (s === undefined || (s.strength === n.strength && s.rated === n.rated)) return n;
    changed = true;
    return { ...n, strength: s.strength, rated: s.rated };
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

/** Whether anything was said beneath a node: public replies the server counted, or replies on the page. */
export function hasReplies(index: TreeIndex, node: ArgumentNode): boolean {
  return replyTotal(node.replyCounts) > 0 || (index.children.get(node.id)?.length ?? 0) > 0;
}

export const CHILD_SORT_LABELS = { strength: 'Strongest', bridging: 'Agreed across groups', new: 'Newest', votes: 'Most votes' } as const;
export type ChildSort = keyof typeof CHILD_SORT_LABELS;

/**
 * Pinned first, then by the chosen order; ties broken by age so the order is stable. `bridging` gives
 * each node's bridging score (the server's order: see bridgingScore); without it, its strength.
 */
export function sortChildren(list: readonly ArgumentNode[], sort: ChildSort, bridging: (n: ArgumentNode) => number = (n) => n.strength): ArgumentNode[] {
  const key = (n: ArgumentNode): number => {
    switch (sort) {
      case 'strength':
        return n.strength;
      case 'bridging':
        return bridging(n);
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
