import type { ArgumentNode } from '@agora/shared';

/** An article's nodes as a tree: the thesis, each node's children in reading order, each node's parent. */
export interface MapTree {
  root: ArgumentNode | null;
  byId: ReadonlyMap<string, ArgumentNode>;
  children: ReadonlyMap<string, readonly ArgumentNode[]>;
}

/** A sentence of the article argued as a premise (not a paragraph's claim, not a reader's reply). */
export const isArticleSentence = (n: Pick<ArgumentNode, 'origin' | 'sentenceIndex'>): boolean => n.origin === 'article' && n.sentenceIndex !== null;

// Paragraphs in reading order, then sentences, then replies by age: a stable, readable order.
const readingOrder = (a: ArgumentNode, b: ArgumentNode) =>
  (a.paragraphIndex ?? Infinity) - (b.paragraphIndex ?? Infinity) ||
  (a.sentenceIndex ?? Infinity) - (b.sentenceIndex ?? Infinity) ||
  (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The tree hanging from the thesis; nodes whose parent the viewer cannot see are left out. */
export function buildMapTree(all: readonly ArgumentNode[]): MapTree {
  const root = all.find((n) => n.parentId === null) ?? null;
  const byParent = new Map<string, ArgumentNode[]>();
  for (const n of all) {
    if (n.parentId === null) continue;
    const list = byParent.get(n.parentId);
    if (list) list.push(n);
    else byParent.set(n.parentId, [n]);
  }
  const byId = new Map<string, ArgumentNode>();
  const children = new Map<string, ArgumentNode[]>();
  const stack = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (byId.has(n.id)) continue;
    byId.set(n.id, n);
    const kids = (byParent.get(n.id) ?? []).sort(readingOrder);
    if (kids.length) children.set(n.id, kids);
    stack.push(...kids);
  }
  return { root, byId, children };
}

/** What the reader chose to see: the nodes whose branches are folded, and whether the article's sentences show. */
export interface MapView {
  collapsed: ReadonlySet<string>;
  showSentences: boolean;
}

/** The part of the tree on show, in depth-first reading order, with each node's children on show. */
export interface VisibleTree {
  nodes: ArgumentNode[];
  parent: ReadonlyMap<string, string | null>;
  children: ReadonlyMap<string, readonly string[]>;
  /** Per node: how many nodes lie beneath it that the reader could unfold (sentences as chosen). */
  below: ReadonlyMap<string, number>;
}

/**
 * Which nodes show: all but those beneath a folded node. With sentences hidden, an article sentence
 * shows only when readers replied beneath it (it is then argued over); the rest go with what hangs
 * from them.
 */
export function visibleTree(tree: MapTree, view: MapView): VisibleTree {
  const nodes: ArgumentNode[] = [];
  const parent = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  const below = new Map<string, number>();
  if (!tree.root) return { nodes, parent, children, below };
  const argued = view.showSentences ? null : arguedSentences(tree);
  const shown = (n: ArgumentNode) => !argued || !isArticleSentence(n) || argued.has(n.id);
  // Post-order count of what each node could unfold.
  const order: ArgumentNode[] = [];
  const stack = [tree.root];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    for (const c of tree.children.get(n.id) ?? []) if (shown(c)) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i];
    let count = 0;
    for (const c of tree.children.get(n.id) ?? []) if (shown(c)) count += 1 + below.get(c.id)!;
    below.set(n.id, count);
  }
  const walk: { node: ArgumentNode; parentId: string | null }[] = [{ node: tree.root, parentId: null }];
  while (walk.length) {
    const { node, parentId } = walk.pop()!;
    nodes.push(node);
    parent.set(node.id, parentId);
    if (view.collapsed.has(node.id)) continue;
    const kids = (tree.children.get(node.id) ?? []).filter(shown);
    if (kids.length) children.set(node.id, kids.map((k) => k.id));
    for (let i = kids.length - 1; i >= 0; i--) walk.push({ node: kids[i], parentId: node.id });
  }
  return { nodes, parent, children, below };
}

/** The article sentences with a reader's reply somewhere beneath them. */
function arguedSentences(tree: MapTree): Set<string> {
  const argued = new Set<string>();
  for (const n of tree.byId.values()) {
    if (n.origin !== 'user') continue;
    for (let p = n.parentId ? tree.byId.get(n.parentId) : undefined; p && !argued.has(p.id); p = p.parentId ? tree.byId.get(p.parentId) : undefined) {
      if (isArticleSentence(p)) argued.add(p.id);
    }
  }
  return argued;
}

/**
 * The branches folded when the map opens: level by level from the thesis, each level unfolds while
 * the nodes on show stay within `budget`; the nodes of the first level that would pass it are folded.
 * A big debate opens on its thesis and paragraphs; a small one opens whole.
 */
export function initialCollapsed(tree: MapTree, view: Pick<MapView, 'showSentences'>, budget = 120): Set<string> {
  const collapsed = new Set<string>();
  if (!tree.root) return collapsed;
  const all = visibleTree(tree, { collapsed, showSentences: view.showSentences });
  let level = [tree.root.id];
  let shown = 1;
  while (level.length) {
    const next = level.flatMap((id) => all.children.get(id) ?? []);
    if (shown + next.length > budget) {
      for (const id of level) if (all.children.has(id)) collapsed.add(id);
      return collapsed;
    }
    shown += next.length;
    level = next;
  }
  return collapsed;
}

/** The folded branches with every ancestor of `id` unfolded, so that it shows. */
export function revealNode(tree: MapTree, collapsed: ReadonlySet<string>, id: string): Set<string> {
  const out = new Set(collapsed);
  for (let n = tree.byId.get(id), p = n?.parentId; p; p = tree.byId.get(p)?.parentId) out.delete(p);
  return out;
}

/** The folded branches with `id` folded or unfolded. */
export function toggleCollapsed(collapsed: ReadonlySet<string>, id: string): Set<string> {
  const out = new Set(collapsed);
  if (out.has(id)) out.delete(id);
  else out.add(id);
  return out;
}
