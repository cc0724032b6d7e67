import { useId, useMemo, useState } from 'react';
import type { TreeIndex } from '../../../../api/tree-ops';
import { CHILD_SORT_LABELS, type ChildSort } from '../../../../api/tree-ops';
import { useReplies } from '../../hooks/useReplies';
import { ThreadContext, type ThreadSettings } from '../../hooks/useThread';
import { MoreReplies } from '../MoreReplies/MoreReplies';
import { ThreadNode } from '../ThreadNode/ThreadNode';
import styles from './ThreadTree.module.css';

interface Props {
  articleId: string;
  /** The article's nodes loaded so far. */
  index: TreeIndex;
  /** The node whose replies are shown. */
  rootId: string;
  /** Show the root node itself above its replies (the thread page) rather than only its replies. */
  includeRoot?: boolean;
  threadHref: (nodeId: string) => string;
  label?: string;
  emptyText?: string;
}

/** Nested supports and rebuttals below one node, sortable, each collapsible; deeper replies load as they are opened. */
export function ThreadTree({ articleId, index, rootId, includeRoot = false, threadHref, label = 'Replies', emptyText = 'No replies yet.' }: Props) {
  const [sort, setSort] = useState<ChildSort>('strength');
  const [showArticleNodes, setShowArticleNodes] = useState(false);
  const id = useId();
  const settings = useMemo<ThreadSettings>(() => ({ articleId, index, sort, showArticleNodes, threadHref }), [articleId, index, sort, showArticleNodes, threadHref]);
  // The root's replies are what this tree is for: read them as soon as it shows (the thread page's root reads its own).
  const replies = useReplies(settings, rootId, !includeRoot);
  const root = index.byId.get(rootId);

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
          {replies.articleOnly > 0 && (
            <label className={styles.check}>
              <input type="checkbox" checked={showArticleNodes} onChange={(e) => setShowArticleNodes(e.target.checked)} />
              Show the article’s own {replies.articleOnly} {replies.articleOnly === 1 ? 'sentence' : 'sentences'}
            </label>
          )}
        </div>
        {includeRoot && root ? (
          <ul className={styles.list}>
            <ThreadNode node={root} depth={0} />
          </ul>
        ) : (
          <>
            {replies.shown.length > 0 ? (
              <ul className={styles.list}>
                {replies.shown.map((n) => (
                  <ThreadNode key={n.id} node={n} depth={1} />
                ))}
              </ul>
            ) : (
              !replies.hasMore && !replies.loading && <p className={styles.empty}>{emptyText}</p>
            )}
            <MoreReplies replies={replies} context={`in ${label}`} />
          </>
        )}
      </section>
    </ThreadContext.Provider>
  );
}
