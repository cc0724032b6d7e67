import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
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
