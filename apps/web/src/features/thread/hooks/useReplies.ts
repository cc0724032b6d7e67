import { useMemo, useState } from 'react';
import { replyTotal } from '@agora/shared';
import { useChildPages } from '../../../api/article-nodes';
import { countsAsReply, hasReplies, sortChildren } from '../../../api/tree-ops';
import { usePerspectives } from '../../perspectives/hooks/usePerspectives';
import type { ThreadSettings } from './useThread';

/**
 * A node's replies as a thread shows them: those loaded so far, in the chosen order (the article's own
 * sentences only when asked for or answered), and the next page on request. `requestNow`: read the
 * first page at once rather than when asked.
 */
export function useReplies(settings: ThreadSettings, nodeId: string, requestNow: boolean) {
  const { articleId, index, sort, showArticleNodes } = settings;
  const [requested, setRequested] = useState(requestNow);
  const pages = useChildPages(articleId, nodeId, sort, requested);
  const { bridgingOf } = usePerspectives(articleId);

  const loaded = index.children.get(nodeId);
  const { shown, articleOnly, countedLoaded } = useMemo(() => {
    const all = loaded ?? [];
    const listed = all.filter((c) => showArticleNodes || c.origin === 'user' || hasReplies(index, c));
    return {
      shown: sortChildren(listed, sort, bridgingOf),
      articleOnly: all.filter((c) => c.origin === 'article' && !hasReplies(index, c)).length,
      countedLoaded: all.filter(countsAsReply).length,
    };
  }, [loaded, index, sort, showArticleNodes, bridgingOf]);

  const node = index.byId.get(nodeId);
  const total = node ? replyTotal(node.replyCounts) : 0;
  // Until a page has been read in this order, the server's count says whether there is more.
  const hasMore = pages.data ? pages.hasNextPage : total > countedLoaded;
  const loadMore = () => {
    if (!requested) setRequested(true);
    else if (pages.isError) void pages.refetch();
    else if (pages.hasNextPage && !pages.isFetching) void pages.fetchNextPage();
  };

  return {
    shown,
    articleOnly,
    /** Public replies the server counts beneath the node. */
    total,
    /** Replies counted but not yet loaded, as far as the counts tell. */
    remaining: Math.max(0, total - countedLoaded),
    hasMore,
    loading: pages.isFetching,
    error: pages.error,
    requested,
    loadMore,
  };
}
