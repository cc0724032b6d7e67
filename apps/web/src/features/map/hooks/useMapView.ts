import { useCallback, useMemo, useState } from 'react';
import type { ArgumentNode } from '@agora/shared';
import { buildMapTree, initialCollapsed, revealNode, toggleCollapsed, visibleTree, type MapTree, type VisibleTree } from '../lib/map-tree';

/** A request to bring a node into view; `seq` tells two requests for the same node apart. */
export interface FocusRequest {
  id: string;
  seq: number;
}

export interface MapViewState {
  tree: MapTree;
  /** Every node of the tree, for search. */
  all: readonly ArgumentNode[];
  visible: VisibleTree;
  collapsed: ReadonlySet<string>;
  showSentences: boolean;
  setShowSentences: (show: boolean) => void;
  /** The node keys move from, and the one search found. */
  current: string | null;
  highlighted: string | null;
  focus: FocusRequest | null;
  toggle: (id: string) => void;
  /** Makes `id` the current node and brings it into view; `highlight`: as search found it. */
  moveTo: (id: string, options?: { highlight?: boolean }) => void;
}

/**
 * What the reader sees of the map: folded branches (a big debate opens folded, see initialCollapsed),
 * the article's sentences shown or not, the current node. Shared by the canvas and the phone outline.
 */
export function useMapView(nodes: readonly ArgumentNode[] | undefined): MapViewState {
  const tree = useMemo(() => buildMapTree(nodes ?? []), [nodes]);
  const all = useMemo(() => [...tree.byId.values()], [tree]);
  const rootId = tree.root?.id ?? null;
  const [showSentences, setShowSentences] = useState(false);
  // The reader's folds, for the tree whose thesis they were made on (another article starts afresh).
  const [folds, setFolds] = useState<{ rootId: string | null; collapsed: ReadonlySet<string> } | null>(null);
  const chosen = folds?.rootId === rootId ? folds.collapsed : null;
  const setChosen = useCallback((collapsed: ReadonlySet<string>) => setFolds({ rootId, collapsed }), [rootId]);
  // Until the reader folds or unfolds anything, the opening fold follows the tree as it loads.
  const collapsed = useMemo(() => chosen ?? initialCollapsed(tree, { showSentences: false }), [chosen, tree]);
  const visible = useMemo(() => visibleTree(tree, { collapsed, showSentences }), [tree, collapsed, showSentences]);
  const [current, setCurrent] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  const toggle = useCallback((id: string) => setChosen(toggleCollapsed(collapsed, id)), [collapsed, setChosen]);

  const moveTo = useCallback(
    (id: string, options: { highlight?: boolean } = {}) => {
      if (!tree.byId.has(id)) return;
      const unfolded = revealNode(tree, collapsed, id);
      if (unfolded.size !== collapsed.size) setChosen(unfolded);
      // A hidden article sentence, or a node beneath one, shows only with the sentences.
      if (!showSentences && !visibleTree(tree, { collapsed: unfolded, showSentences: false }).parent.has(id)) setShowSentences(true);
      setCurrent(id);
      setHighlighted(options.highlight ? id : null);
      setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 }));
    },
    [tree, collapsed, showSentences, setChosen],
  );

  return { tree, all, visible, collapsed, showSentences, setShowSentences, current, highlighted, focus, toggle, moveTo };
}
