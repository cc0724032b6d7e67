import type {
  AppealOutcome,
  AppealStatus,
  AppealView,
  ArgumentNode,
  ArticleDetail,
  ArticleRevisionSummary,
  ArticleRevisionText,
  ArticleListItem,
  ArticleSummary,
  AttachOrphanInput,
  OrphanView,
  AuditEntry,
  AuthResponse,
  ChildrenQuery,
  FlagInput,
  ModerationAction,
  MyVote,
  NodeHistory,
  NotificationPage,
  Page,
  ParagraphReplyInput,
  Perspectives,
  PublicUser,
  QueueItem,
  ReplyType,
  SearchResponse,
  Role,
  StrengthBreakdown,
  UserProfile,
  VoteResponse,
  ModeratorNote,
  ReasonCode,
  UserDossier,
  UserStanding,
} from '@agora/shared';

/** The audit log's filters, as the query string carries them (see auditQuerySchema). */
export interface AuditFilter {
  actorId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
}
import { ApiError } from './errors';
import { getToken, renewToken } from './token';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const send = (token: string | null) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    return fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let res: Response;
  try {
    const token = getToken();
    res = await send(token);
    // The token ran out (a laptop woke from sleep): renewed from the session cookie, the request is sent once more.
    if (res.status === 401 && token && !path.startsWith('/auth/')) {
      const renewed = await renewToken();
      if (renewed) res = await send(renewed);
    }
  } catch {
    throw new ApiError(0, null, 'Cannot reach the server. Check your connection and try again.');
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) throw ApiError.fromBody(res.status, json as never, res.headers.get('retry-after'));
  return json as T;
}

const q = (params: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
};

/** Optional reasons are left out when blank: the API refuses an empty one. */
const withReason = (reason: string | undefined) => (reason?.trim() ? { reason: reason.trim() } : {});

/** Typed client of the REST API: one function per endpoint. */
export const api = {
  register: (username: string, password: string) => request<AuthResponse>('POST', '/auth/register', { username, password }),
  login: (username: string, password: string) => request<AuthResponse>('POST', '/auth/login', { username, password }),
  me: () => request<PublicUser>('GET', '/auth/me'),
  /** Revokes every token of the account, on every device (the server moves its token version). */
  logout: () => request<null>('POST', '/auth/logout'),
  /** Ends this device's session (its cookie renews nothing more). */
  endSession: () => request<null>('DELETE', '/auth/session'),

  notifications: (cursor?: string) => request<NotificationPage>('GET', `/notifications${q({ cursor })}`),
  markNotificationsRead: (which: { ids: string[] } | { all: true }) => request<{ unread: number }>('POST', '/notifications/read', which),
  profile: (username: string) => request<UserProfile>('GET', `/users/${encodeURIComponent(username)}`),
  search: (query: string) => request<SearchResponse>('GET', `/search${q({ q: query })}`),

  articles: () => request<{ items: ArticleListItem[] }>('GET', '/articles'),
  article: (id: string) => request<ArticleDetail>('GET', `/articles/${id}`),
  tree: (id: string) => request<{ items: ArgumentNode[] }>('GET', `/articles/${id}/tree`),
  /** The caller's own votes in one article, keyed by node id; nodes without a vote are absent. */
  revisions: (id: string) => request<{ items: ArticleRevisionSummary[] }>('GET', `/articles/${id}/revisions`),
  revisionText: (id: string, revision: number) => request<ArticleRevisionText>('GET', `/articles/${id}/revisions/${revision}`),
  orphans: (id: string) => request<{ items: OrphanView[] }>('GET', `/articles/${id}/orphans`),
  attachOrphan: (articleId: string, nodeId: string, input: AttachOrphanInput) => request<ArgumentNode>('POST', `/articles/${articleId}/orphans/${nodeId}/attach`, input),
  myVotes: (id: string) => request<{ votes: Record<string, number> }>('GET', `/articles/${id}/my-votes`),
  /** How each opinion group of the article's readers weighs its nodes, and the caller's own group. */
  perspectives: (id: string) => request<Perspectives>('GET', `/articles/${id}/perspectives`),

  node: (id: string) => request<ArgumentNode>('GET', `/nodes/${id}`),
  children: (id: string, query: Partial<ChildrenQuery> & { cursor?: string }) =>
    request<Page<ArgumentNode>>('GET', `/nodes/${id}/children${q(query)}`),
  strength: (id: string) => request<StrengthBreakdown>('GET', `/nodes/${id}/strength`),
  nodeHistory: (id: string) => request<NodeHistory>('GET', `/nodes/${id}/history`),
  myVote: (id: string) => request<MyVote>('GET', `/nodes/${id}/my-vote`),

  replyToParagraph: (articleId: string, index: number, input: ParagraphReplyInput) =>
    request<ArgumentNode>('POST', `/articles/${articleId}/paragraphs/${index}/replies`, input),
  replyToNode: (id: string, input: { type: ReplyType; text: string }) => request<ArgumentNode>('POST', `/nodes/${id}/replies`, input),
  editNode: (id: string, text: string) => request<ArgumentNode>('PATCH', `/nodes/${id}`, { text }),
  withdrawNode: (id: string) => request<ArgumentNode | null>('DELETE', `/nodes/${id}`),

  vote: (id: string, value: number) => request<VoteResponse>('PUT', `/nodes/${id}/vote`, { value }),
  unvote: (id: string) => request<VoteResponse>('DELETE', `/nodes/${id}/vote`),
  flag: (id: string, input: FlagInput) => request<unknown>('POST', `/nodes/${id}/flags`, input),

  queue: (status: 'flagged' | 'pending' | 'hidden', cursor?: string) =>
    request<Page<QueueItem>>('GET', `/moderation/queue${q({ status, cursor })}`),
  moderate: (id: string, action: ModerationAction, reason: string, reasonCode: ReasonCode = 'other') =>
    request<ArgumentNode>('POST', `/moderation/nodes/${id}`, { action, reason, reasonCode }),
  lockNode: (id: string, locked: boolean, reason?: string, reasonCode: ReasonCode = 'other') =>
    request<ArgumentNode>('POST', `/moderation/nodes/${id}/lock`, { locked, ...withReason(reason), ...(reason?.trim() ? { reasonCode } : {}) }),
  lockArticle: (id: string, locked: boolean, reason?: string) => request<ArticleSummary>('POST', `/moderation/articles/${id}/lock`, { locked, ...withReason(reason) }),
  slowMode: (id: string, seconds: number, reason?: string) => request<ArgumentNode>('POST', `/moderation/nodes/${id}/slow-mode`, { seconds, ...withReason(reason) }),
  pinNode: (id: string, pinned: boolean, reason?: string) => request<ArgumentNode>('POST', `/moderation/nodes/${id}/pin`, { pinned, ...withReason(reason) }),
  suspend: (userId: string, until: string, reason: string, reasonCode: ReasonCode = 'other') =>
    request<PublicUser>('POST', `/moderation/users/${userId}/suspend`, { until, reason, reasonCode }),
  ban: (userId: string, reason: string, reasonCode: ReasonCode = 'other') => request<PublicUser>('POST', `/moderation/users/${userId}/ban`, { reason, reasonCode }),
  unban: (userId: string, reason?: string) => request<PublicUser>('POST', `/moderation/users/${userId}/unban`, withReason(reason)),
  audit: (filter: AuditFilter = {}, cursor?: string) => request<Page<AuditEntry>>('GET', `/moderation/audit${q({ ...filter, cursor })}`),
  appeal: (nodeId: string, statement: string) => request<AppealView>('POST', `/nodes/${nodeId}/appeal`, { statement }),
  appeals: (status: AppealStatus, cursor?: string) => request<Page<AppealView>>('GET', `/moderation/appeals${q({ status, cursor })}`),
  decideAppeal: (id: string, outcome: AppealOutcome, reason: string) => request<AppealView>('POST', `/moderation/appeals/${id}`, { outcome, reason }),
  userDirectory: (prefix: string, cursor?: string) => request<Page<UserStanding>>('GET', `/moderation/users${q({ q: prefix, cursor })}`),
  userDossier: (userId: string) => request<UserDossier>('GET', `/moderation/users/${userId}`),
  addModeratorNote: (userId: string, text: string) => request<ModeratorNote>('POST', `/moderation/users/${userId}/notes`, { text }),
  setRole: (userId: string, role: Role, reason?: string) => request<PublicUser>('POST', `/admin/users/${userId}/role`, { role, ...withReason(reason) }),
};

export type Api = typeof api;
