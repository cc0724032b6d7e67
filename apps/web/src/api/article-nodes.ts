import { useMemo } from 'react';
import { queryOptions, useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ArgumentNode } from '@agora/shared';
import { seedNodes } from './article-seed';
import { api } from './http';
import { articleQuery } from './queries';
import { queryKeys } from './query-keys';
import { indexTree, mergeNodes, type ChildSort } from './tree-ops';

/** Replies read per "show more". */
export const CHILD_PAGE_SIZE = 25;

/** A first screen read this recently seeds the reader's nodes; an older one is read afresh. */
const SEED_FRESH_MS = 5_000;

/**
 * The nodes of an article the reader has loaded, flat: seeded from the first screen (each paragraph's
 * claim and strongest replies); every page of replies the reader opens is merged in, and live events
 * apply to it. The whole tree is never read here.
 */
export function articleNodesQuery(qc: QueryClient, id: string) {
  return queryOptions({
    queryKey: queryKeys.tree(id),
    queryFn: async () => seedNodes(await qc.fetchQuery({ ...articleQuery(id), staleTime: SEED_FRESH_MS })),
    // Live events and the pages merged in keep it current; refetching would drop those pages.
    staleTime: Infinity,
  });
}

export function useArticleNodes(id: string | undefined) {
  const qc = useQueryClient();
  const query = useQuery({ ...articleNodesQuery(qc, id ?? ''), enabled: !!id });
  const index = useMemo(() => indexTree(query.data ?? []), [query.data]);
  return { ...query, index };
}

/**
 * Adds nodes read from the server to the reader's nodes, seeding those first (a seed arriving later
 * would replace them). A node the page dropped meanwhile stays out unless this copy is newer.
 */
async function mergeIntoTree(qc: QueryClient, articleId: string, nodes: readonly ArgumentNode[]): Promise<void> {
  await qc.ensureQueryData(articleNodesQuery(qc, articleId));
  const dropped = qc.getQueryData<Record<string, number>>(queryKeys.dropped(articleId)) ?? {};
  const fresh = nodes.filter((n) => !(n.id in dropped) || n.version > dropped[n.id]);
  qc.setQueryData<ArgumentNode[]>(queryKeys.tree(articleId), (old) => mergeNodes(old ?? [], fresh));
}

/**
 * A node's replies, a page at a time in the chosen order, each page merged into the reader's nodes.
 * The pages keep only where the next one starts; the nodes themselves live in the reader's nodes.
 */
export function useChildPages(articleId: string, nodeId: string, sort: ChildSort, enabled: boolean) {
  const qc = useQueryClient();
  return useInfiniteQuery({
    queryKey: queryKeys.children(articleId, nodeId, sort),
    queryFn: async ({ pageParam }) => {
      const page = await api.children(nodeId, { sort, limit: CHILD_PAGE_SIZE, ...(pageParam === null ? {} : { cursor: pageParam }) });
      await mergeIntoTree(qc, articleId, page.items);
      return { count: page.items.length, nextCursor: page.nextCursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    staleTime: Infinity,
  });
}

/** One node and the arguments above it (for the breadcrumbs), merged into the reader's nodes. */
export function useThreadNodes(articleId: string, nodeId: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: queryKeys.thread(articleId, nodeId),
    queryFn: async () => {
      const node = await api.node(nodeId);
      const have = new Set((await qc.ensureQueryData(articleNodesQuery(qc, articleId))).map((n) => n.id));
      // The thesis heads every chain, and the breadcrumbs name the article instead.
      const missing = node.ancestors.slice(1).filter((id) => !have.has(id));
      const above = await Promise.allSettled(missing.map((id) => api.node(id)));
      const found = above.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      await mergeIntoTree(qc, articleId, [...found, node]);
      return node.id;
    },
    enabled: !!articleId && !!nodeId,
    staleTime: Infinity,
  });
}

/**
 * Reads articles afresh after events were missed or the reader changed: the first screen, then what is
 * built on it (the reader's nodes, the map's tree, the reader's votes), then the pages and threads the
 * reader had opened, merged into the fresh nodes. Without an id, every article in the cache.
 */
export async function reloadArticle(qc: QueryClient, articleId?: string): Promise<void> {
  // queryKeys.x(id) is [name, id]: its first element alone matches every article's.
  const scope = (key: readonly unknown[]) => ({ queryKey: articleId === undefined ? key.slice(0, 1) : key });
  const id = articleId ?? '';
  await qc.invalidateQueries(scope(queryKeys.article(id)));
  await Promise.all([
    qc.invalidateQueries(scope(queryKeys.tree(id))),
    qc.invalidateQueries(scope(queryKeys.fullTree(id))),
    qc.invalidateQueries(scope(queryKeys.myVotes(id, undefined).slice(0, 2))),
  ]);
  await qc.invalidateQueries(scope(queryKeys.loaded(id)));
}
