/** Every TanStack Query key of the app, so cache updates and reads agree. */
export const queryKeys = {
  me: (token: string | null) => ['me', token] as const,
  articles: () => ['articles'] as const,
  article: (id: string) => ['article', id] as const,
  tree: (id: string) => ['tree', id] as const,
  myVotes: (articleId: string, userId: string | undefined) => ['my-votes', articleId, userId ?? 'anonymous'] as const,
  strength: (nodeId: string) => ['strength', nodeId] as const,
  queue: (status: string) => ['moderation', 'queue', status] as const,
  audit: () => ['moderation', 'audit'] as const,
};
