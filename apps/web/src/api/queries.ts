import { useMemo } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './query-keys';
import { indexTree } from './tree-ops';

export function useArticles() {
  return useQuery({ queryKey: queryKeys.articles(), queryFn: () => api.articles().then((r) => r.items) });
}

export function useArticle(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.article(id ?? ''), queryFn: () => api.article(id!), enabled: !!id });
}

/** Every node of an article the viewer may see, flat, kept current by live events. */
export function useArticleTree(id: string | undefined) {
  const query = useQuery({
    queryKey: queryKeys.tree(id ?? ''),
    queryFn: () => api.tree(id!).then((r) => r.items),
    enabled: !!id,
    // Live events keep it fresh; refetching on focus would only cause churn.
    staleTime: Infinity,
  });
  const index = useMemo(() => indexTree(query.data ?? []), [query.data]);
  return { ...query, index };
}

/** The signed-in reader's own votes in an article, node id to value: one request per article, shared by every vote control. */
export function useMyVote(articleId: string, nodeId: string, userId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.myVotes(articleId, userId),
    queryFn: () => api.myVotes(articleId).then((r) => r.votes),
    enabled: enabled && !!userId,
    // Only this reader changes their votes, and each change is written into the cache.
    staleTime: Infinity,
    select: (votes: Record<string, number>) => votes[nodeId] ?? null,
  });
}

/** Records one of the reader's own votes (null: withdrawn) in the article's own-vote cache. */
export function setMyVote(qc: QueryClient, articleId: string, userId: string | undefined, nodeId: string, value: number | null): void {
  const key = queryKeys.myVotes(articleId, userId);
  const loaded = qc.getQueryData<Record<string, number>>(key) !== undefined;
  qc.setQueryData<Record<string, number>>(key, (old) => {
    const next = { ...old };
    if (value === null) delete next[nodeId];
    else next[nodeId] = value;
    return next;
  });
  // Without the rest of the article's votes this entry is partial: fetch them at the next chance.
  if (!loaded) void qc.invalidateQueries({ queryKey: key, refetchType: 'none' });
}
