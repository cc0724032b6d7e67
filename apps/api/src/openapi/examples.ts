import type {
  AppealView,
  ArgumentNode,
  ArticleDetail,
  ArticleListItem,
  ArticleSummary,
  MyVote,
  NodeHistory,
  AuditEntry,
  AuthResponse,
  FlagView,
  Page,
  PublicUser,
  QueueItem,
  StrengthBreakdown,
  VoteResponse,
  NotificationPage,
  SearchResponse,
  UserProfile,
  UserDossier,
  UserStanding,
  ModeratorNote,
} from '@agora/shared';
import type { HealthBody } from '../modules/health/health.controller';

// Examples for the OpenAPI document, typed with the shared contracts so that a changed contract
// fails the typecheck here instead of leaving a stale example.

const ARTICLE_ID = '6650a1f2c3d4e5f6a7b8c9d0';
const ROOT_ID = '6650a1f2c3d4e5f6a7b8c9d1';
const CLAIM_ID = '6650a1f2c3d4e5f6a7b8c9d2';
const REPLY_ID = '6650a1f2c3d4e5f6a7b8c9d3';
const USER_ID = '6650a1f2c3d4e5f6a7b8c9e0';
const WHEN = '2026-05-01T12:00:00.000Z';

export const user: PublicUser = { id: USER_ID, username: 'ann', role: 'participant', createdAt: WHEN, suspendedUntil: null, banned: false };
export const auth: AuthResponse = { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI2NjUwYTFmMiJ9.signature', user };

export const articleSummary: ArticleSummary = {
  id: ARTICLE_ID,
  title: 'The case for a four-day week',
  metadata: { sourceUrl: 'https://example.org/four-day-week', author: 'Jane Roe', publishedAt: '2026-04-28', licence: 'CC BY 4.0' },
  slug: 'the-case-for-a-four-day-week',
  paragraphCount: 12,
  nodeCount: 58,
  replyCount: 9,
  locked: false,
  createdAt: WHEN,
  lastActivityAt: WHEN,
  revision: 0,
  revisedAt: null,
};

export const articleListItem: ArticleListItem = {
  ...articleSummary,
  disputes: [{ nodeId: CLAIM_ID, excerpt: 'Fewer hours did not lower output in the trials.', paragraphIndex: 2, support: 1.3, attack: 1.1, score: 1.1 }],
};

export const nodeHistory: NodeHistory = {
  nodeId: REPLY_ID,
  editedAt: '2026-05-01T12:05:00.000Z',
  versions: [{ text: 'The trial firms chose to take part.', writtenAt: WHEN }],
};

export const myVote: MyVote = { value: 4, ratedAt: WHEN, onEarlierVersion: true };

export const node: ArgumentNode = {
  id: REPLY_ID,
  articleId: ARTICLE_ID,
  parentId: CLAIM_ID,
  ancestors: [ROOT_ID, CLAIM_ID],
  depth: 2,
  type: 'rebuttal',
  text: 'The trial firms chose to take part, so their results say little about the rest.',
  authorId: USER_ID,
  authorName: 'ann',
  origin: 'user',
  paragraphIndex: 3,
  sentenceIndex: null,
  anchor: { exact: 'productivity rose by a fifth', prefix: 'In the trial, ', suffix: ' while hours fell', start: 214, end: 242 },
  status: 'visible',
  votes: { count: 3, sum: 11, histogram: { '1': 0, '2': 0, '3': 1, '4': 2, '5': 0 } },
  votesVersion: 3,
  strength: 0.62,
  rated: true,
  replyCounts: { support: 1, rebuttal: 0, comment: 0 },
  locked: false,
  pinned: false,
  withdrawn: false,
  createdAt: WHEN,
  editedAt: null,
  version: 1,
};

export const articleDetail: ArticleDetail = {
  ...articleSummary,
  rootNodeId: ROOT_ID,
  paragraphs: [
    {
      index: 3,
      text: 'In the trial, productivity rose by a fifth while hours fell.',
      sentences: [{ index: 0, text: 'In the trial, productivity rose by a fifth while hours fell.', start: 0, end: 60, role: 'claim', target: null, stance: 'for', attribution: null, hedges: [], question: false, nodeId: CLAIM_ID }],
      nodeId: CLAIM_ID,
      replyCounts: { support: 2, rebuttal: 1, comment: 1 },
      strength: 0.55,
      rated: true,
      topReplies: [node],
    },
  ],
  myVotes: { [REPLY_ID]: 4 },
};

export const flag: FlagView = { id: '6650a1f2c3d4e5f6a7b8c9f0', userId: USER_ID, username: 'ann', reason: 'spam', note: 'Links to a shop', weight: 1, createdAt: WHEN };

export const auditEntry: AuditEntry = {
  id: '6650a1f2c3d4e5f6a7b8c9f1',
  action: 'hide',
  actorId: '6650a1f2c3d4e5f6a7b8c9e1',
  actorName: 'mod',
  targetType: 'node',
  targetId: REPLY_ID,
  subjectUserId: USER_ID,
  subjectUserName: 'ann',
  articleId: ARTICLE_ID,
  nodeId: REPLY_ID,
  excerpt: 'Buy cheap watches at…',
  reason: 'Advertising',
  reasonCode: 'spam',
  before: { status: 'visible' },
  after: { status: 'hidden' },
  createdAt: WHEN,
};

export const queuePage: Page<QueueItem> = {
  items: [{ node: { ...node, status: 'visible' }, flags: [flag], author: { id: USER_ID, username: 'ann', suspendedUntil: null, banned: false }, authorHistory: [] }],
  nextCursor: null,
};

export const auditPage: Page<AuditEntry> = { items: [auditEntry], nextCursor: '6650a1f2c3d4e5f6a7b8c9f1' };

export const appeal: AppealView = {
  id: '6650a1f2c3d4e5f6a7b8c9f2',
  decisionId: auditEntry.id,
  nodeId: REPLY_ID,
  articleId: ARTICLE_ID,
  excerpt: 'Buy cheap watches at…',
  authorId: USER_ID,
  authorName: 'ann',
  action: 'hide',
  decidedById: '6650a1f2c3d4e5f6a7b8c9e1',
  decidedByName: 'mod',
  reason: 'Advertising',
  reasonCode: 'spam',
  statement: 'The link is my source, not an advert.',
  status: 'open',
  resolvedByName: null,
  resolution: null,
  createdAt: WHEN,
  resolvedAt: null,
};
export const appealPage: Page<AppealView> = { items: [appeal], nextCursor: null };

export const userStanding: UserStanding = { ...user, suspendReason: null, banReason: null };
export const userDirectoryPage: Page<UserStanding> = { items: [userStanding], nextCursor: 'ann' };
export const moderatorNote: ModeratorNote = {
  id: '6650a1f2c3d4e5f6a7b8c9f3',
  userId: USER_ID,
  authorId: '6650a1f2c3d4e5f6a7b8c9e1',
  authorName: 'mod',
  text: 'Second warning about links this week.',
  createdAt: WHEN,
};
export const userDossier: UserDossier = {
  user: userStanding,
  history: [auditEntry],
  flags: [{ id: flag.id, nodeId: REPLY_ID, articleId: ARTICLE_ID, reason: 'spam', note: 'Links to a shop', username: 'ben', status: 'resolved', createdAt: WHEN }],
  notes: [moderatorNote],
};

export const voteResponse: VoteResponse = { nodeId: REPLY_ID, votes: node.votes, strength: 0.62, rated: true, myVote: 4 };

export const strength: StrengthBreakdown = {
  nodeId: CLAIM_ID,
  strength: 0.43,
  rated: true,
  points: 43,
  own: { count: 3, average: 3.7, points: 62 },
  replies: [{ nodeId: REPLY_ID, type: 'rebuttal', role: 'attacker', excerpt: 'The trial firms chose to take part.', authorName: 'ben', points: -19, rating: { count: 5, average: 4.4 } }],
  others: { count: 0, points: 0 },
  explanation: [
    'Rated 3.7/5 by 3 readers, which alone gives it 62 points.',
    'Pulled down most by “The trial firms chose to take part.” (−19 points, rated 4.4 by 5).',
  ],
};

export const health: HealthBody = { status: 'ok', db: 'up', redis: 'up' };

export const notificationPage: NotificationPage = {
  items: [{ id: `reply:${USER_ID}:${REPLY_ID}`, kind: 'reply', nodeId: REPLY_ID, articleId: ARTICLE_ID, actorName: 'ben', text: 'Other trials found the same.', read: false, createdAt: WHEN }],
  unread: 1,
  nextCursor: null,
};

export const profile: UserProfile = {
  username: 'ann',
  role: 'participant',
  joinedAt: WHEN,
  standing: 'active',
  stats: { arguments: 1, votesReceived: 3, meanRating: 3.7, meanStrength: 0.62 },
  arguments: [
    { id: REPLY_ID, articleId: ARTICLE_ID, articleTitle: 'The case for a four-day week', type: 'rebuttal', text: 'The trial firms chose to take part.', status: 'visible', strength: 0.62, rated: true, votes: { count: 3, mean: 3.7 }, createdAt: WHEN },
  ],
};

export const search: SearchResponse = {
  items: [
    { kind: 'article', id: ARTICLE_ID, articleId: ARTICLE_ID, title: 'The case for a four-day week', excerpt: 'The case for a four-day week' },
    { kind: 'node', id: REPLY_ID, articleId: ARTICLE_ID, title: 'The case for a four-day week', excerpt: 'The trial firms chose to take part.' },
  ],
};

export const ids = { ARTICLE_ID, CLAIM_ID, REPLY_ID, USER_ID };
