import { useMemo } from 'react';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ArticleDetail } from '@agora/shared';
import { voteShownIn } from './article-seed';
import { api } from './http';
import { queryKeys } from './query-keys';
import { indexTree } from './tree-ops';

export function useArticles() {
  return useQuery({ queryKey: queryKeys.articles(), queryFn: () => api.articles().then((r) => r.items) });
}

/** An article's first screen: its paragraphs, each claim's figures and strongest replies, the reader's votes on them. */
export const articleQuery = (id: string) => queryOptions({ queryKey: queryKeys.article(id), queryFn: () => api.article(id) });

export function useArticle(id: string | undefined) {
  return useQuery({ ...articleQuery(id ?? ''), enabled: !!id });
}

/** Every node of an article the viewer may see, flat, kept current by live events: for the map, which shows them all. */
export function useFullTree(id: string | undefined) {
  const query = useQuery({
    queryKey: queryKeys.fullTree(id ?? ''),
    queryFn: () => api.tree(id!).then((r) => r.items),
    enabled: !!id,
    // Live events keep it fresh; refetching on focus would only cause churn.
    staleTime: Infinity,
  });
  const index = useMemo(() => indexTree(query.data ?? []), [query.data]);
  return { ...query, index };
}

/**
 * The signed-in reader's own vote on a node, or null. The article's first screen tells it for the nodes
 * it showed; for the others, one request reads all the reader's votes in the article, shared by every
 * vote control.
 */
export function useMyVote(articleId: string, nodeId: string, userId: string | undefined, enabled: boolean): number | null {
  // Reads the first screen when the page has it; never fetches it for this.
  const shown = useQuery({ ...articleQuery(articleId), enabled: false, select: (d: ArticleDetail) => voteShownIn(d, nodeId) });
  const fromScreen = userId ? shown.data : undefined;
  const all = useQuery({
    queryKey: queryKeys.myVotes(articleId, userId),
    queryFn: () => api.myVotes(articleId).then((r) => r.votes),
    enabled: enabled && !!userId && fromScreen === undefined,
    // Only this reader changes their votes, and each change is written into the cache.
    staleTime: Infinity,
    select: (votes: Record<string, number>) => votes[nodeId] ?? null,
  });
  return fromScreen !== undefined ? fromScreen : (all.data ?? null);
}

const withVote = (votes: Record<string, number> | undefined, nodeId: string, value: number | null): Record<string, number> => {
  const next = { ...votes };
  if (value === null) delete next[nodeId];
  else next[nodeId] = value;
  return next;
};

/** Records one of the reader's own votes (null: withdrawn) wherever useMyVote reads it. */
export function setMyVote(qc: QueryClient, articleId: string, userId: string | undefined, nodeId: string, value: number | null): void {
  const key = queryKeys.myVotes(articleId, userId);
  const loaded = qc.getQueryData<Record<string, number>>(key) !== undefined;
  if (userId && voteShownIn(qc.getQueryData<ArticleDetail>(queryKeys.article(articleId)), nodeId) !== undefined) {
    qc.setQueryData<ArticleDetail>(queryKeys.article(articleId), (d) => (d ? { ...d, myVotes: withVote(d.myVotes, nodeId, value) } : d));
    // The first screen is where this node's vote is read: the article's other votes need not be fetched for it.
    if (!loaded) return;
  }
  qc.setQueryData<Record<string, number>>(key, (old) => withVote(old, nodeId, value));
  // Without the rest of the article's votes this entry is partial: fetch them at the next chance.
  if (!loaded) void qc.invalidateQueries({ queryKey: key, refetchType: 'none' });
}
