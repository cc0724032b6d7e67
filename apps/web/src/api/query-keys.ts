import type { ChildSort } from './tree-ops';

/** Every TanStack Query key of the app, so cache updates and reads agree. */
export const queryKeys = {
  me: (token: string | null) => ['me', token] as const,
  articles: () => ['articles'] as const,
  article: (id: string) => ['article', id] as const,
  /** The nodes of an article the reader has loaded so far, flat: the first screen's, then each page opened. */
  tree: (id: string) => ['tree', id] as const,
  /** Every node of an article, for the argument map. */
  fullTree: (id: string) => ['full-tree', id] as const,
  /** What the reader loaded beyond the first screen: pages of replies, threads. Merged into `tree`. */
  loaded: (articleId: string) => ['loaded', articleId] as const,
  children: (articleId: string, nodeId: string, sort: ChildSort) => ['loaded', articleId, 'children', nodeId, sort] as const,
  thread: (articleId: string, nodeId: string) => ['loaded', articleId, 'thread', nodeId] as const,
  /** Nodes this reader's page dropped (hidden, removed) by id, with the version that dropped them. */
  dropped: (articleId: string) => ['dropped', articleId] as const,
  /** An article's versions, and one version's text. */
  revisions: (articleId: string) => ['revisions', articleId] as const,
  revisionText: (articleId: string, revision: number) => ['revisions', articleId, revision] as const,
  orphans: (articleId: string) => ['moderation', 'orphans', articleId] as const,
  myVotes: (articleId: string, userId: string | undefined) => ['my-votes', articleId, userId ?? 'anonymous'] as const,
  strength: (nodeId: string) => ['strength', nodeId] as const,
  /** A node's earlier texts, for the text it has now (`editedAt`). */
  nodeHistory: (nodeId: string, editedAt: string | null, userId: string | undefined) => ['node-history', nodeId, editedAt, userId ?? 'anonymous'] as const,
  /** The reader's own vote on a node with when they cast it, for the node's text now and their vote now. */
  myVote: (nodeId: string, editedAt: string | null, value: number | null, userId: string | undefined) => ['my-vote', nodeId, editedAt, value, userId ?? 'anonymous'] as const,
  /** An article's opinion groups and how each weighs its nodes (per reader: it says their own group). */
  perspectives: (articleId: string, userId: string | undefined) => ['perspectives', articleId, userId ?? 'anonymous'] as const,
  notifications: (userId: string | undefined) => ['notifications', userId ?? 'anonymous'] as const,
  profile: (username: string) => ['profile', username.toLowerCase()] as const,
  search: (query: string) => ['search', query] as const,
  queue: (status: string) => ['moderation', 'queue', status] as const,
  audit: (filter: object = {}) => ['moderation', 'audit', filter] as const,
  appeals: (status: string) => ['moderation', 'appeals', status] as const,
  userDirectory: (prefix: string) => ['moderation', 'users', prefix] as const,
  userDossier: (userId: string) => ['moderation', 'user', userId] as const,
};
