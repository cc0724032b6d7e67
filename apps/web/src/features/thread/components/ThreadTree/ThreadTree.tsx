import { useId, useMemo, useState } from 'react';
import type { TreeIndex } from '../../../../api/tree-ops';
import { CHILD_SORT_LABELS, sortChildren, type ChildSort } from '../../../../api/tree-ops';
import { ThreadContext, type ThreadSettings } from '../../hooks/useThread';
import { ThreadNode } from '../ThreadNode/ThreadNode';
import styles from './ThreadTree.module.css';

interface Props {
  index: TreeIndex;
  /** The node whose replies are shown. */
  rootId: string;
  /** Show the root node itself above its replies (the thread page) rather than only its replies. */
  includeRoot?: boolean;
  threadHref: (nodeId: string) => string;
  label?: string;
  emptyText?: string;
}

/** Nested supports and rebuttals below one node, sortable, each collapsible. */
export function ThreadTree({ index, rootId, includeRoot = false, threadHref, label = 'Replies', emptyText = 'No replies yet.' }: Props) {
  const [sort, setSort] = useState<ChildSort>('strength');
  const [showArticleNodes, setShowArticleNodes] = useState(false);
  const id = useId();
  const settings = useMemo<ThreadSettings>(() => ({ index, sort, showArticleNodes, threadHref }), [index, sort, showArticleNodes, threadHref]);

  const root = index.byId.get(rootId);
  const all = index.children.get(rootId) ?? [];
  const articleOnly = all.filter((c) => c.origin === 'article' && !(index.children.get(c.id)?.length ?? 0)).length;
  const shown = sortChildren(
    all.filter((c) => showArticleNodes || c.origin === 'user' || (index.children.get(c.id)?.length ?? 0) > 0),
    sort,
  );

  return (
    <ThreadContext.Provider value={settings}>
      <section className={styles.thread} aria-label={label}>
        <div className={styles.toolbar}>
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as ChildSort)}>
            {(Object.keys(CHILD_SORT_LABELS) as ChildSort[]).map((k) => (
              <option key={k} value={k}>
                {CHILD_SORT_LABELS[k]}
              </option>
            ))}
          </select>
          {articleOnly > 0 && (
            <label className={styles.check}>
              <input type="checkbox" checked={showArticleNodes} onChange={(e) => setShowArticleNodes(e.target.checked)} />
              Show the article’s own {articleOnly} {articleOnly === 1 ? 'sentence' : 'sentences'}
            </label>
          )}
        </div>
        {includeRoot && root ? (
          <ul className={styles.list}>
            <ThreadNode node={root} depth={0} />
          </ul>
        ) : shown.length ? (
          <ul className={styles.list}>
            {shown.map((n) => (
              <ThreadNode key={n.id} node={n} depth={1} />
            ))}
          </ul>
        ) : (
          <p className={styles.empty}>{emptyText}</p>
        )}
      </section>
    </ThreadContext.Provider>
  );
}
