import { ERROR_CODES, type ErrorCode } from '@agora/shared';
import * as ex from './examples';

/** Who may call an operation: anyone (a token, when sent, must be valid), or a signed-in user of at least a role. */
export type Access = 'none' | 'anyone' | 'signed-in' | 'moderator' | 'admin';

export interface OperationDoc {
  summary: string;
  description: string;
  access: Access;
  /** Under the write rate limits (429 with Retry-After). */
  throttled?: boolean;
  /** Error codes particular to the operation, besides those its parameters, access and limits bring. */
  errors?: ErrorCode[];
  /** Answers while the database is down (no 503 DATABASE_UNAVAILABLE). */
  databaseOptional?: boolean;
  request?: unknown;
  response: unknown;
  /** Answers other than the success and the shared error shape, by status. */
  otherResponses?: Record<string, { description: string; example: unknown }>;
}

const { REVISION_IN_PROGRESS, DUPLICATE, LOCKED, WITHDRAWN, QUOTE_NOT_FOUND, USERNAME_TAKEN, INVALID_CREDENTIALS, ALREADY_FLAGGED, ALREADY_APPEALED, APPEAL_DECIDED, SELF_VOTE, ARTICLE_INVALID, SUSPENDED, BANNED, FORBIDDEN, UNAUTHENTICATED } = ERROR_CODES;
/** Writes by a participant: refused while they are suspended or banned. */
const AUTHOR = [SUSPENDED, BANNED];

/** Every operation of the REST API by its operationId (Controller_method); a test fails on one left out. */
export const OPERATIONS: Record<string, OperationDoc> = {
  AuthController_register: {
    summary: 'Create an account',
    description: 'Registers a participant and signs them in. No account becomes admin by registering: an operator runs `npm run admin -- promote <username>`.',
    access: 'anyone',
    throttled: true,
    errors: [USERNAME_TAKEN],
    request: { username: 'ann', password: 'correct horse battery' },
    response: ex.auth,
  },
  AuthController_login: {
    summary: 'Sign in',
    description: 'Exchanges a username and password for a bearer token (a JWT valid for JWT_TTL, 15 minutes by default), and sets the httpOnly, SameSite=Strict session cookie that renews it (`POST /api/auth/refresh`).',
    access: 'anyone',
    throttled: true,
    errors: [INVALID_CREDENTIALS],
    request: { username: 'ann', password: 'correct horse battery' },
    response: ex.auth,
  },
  AuthController_me: {
    summary: 'The signed-in user',
    description: 'The user the bearer token belongs to, as stored now (role, suspension and ban included).',
    access: 'signed-in',
    response: ex.user,
  },
  HealthController_check: {
    summary: 'Health check',
    description: 'For load balancers: 200 when the database answers (and Redis, when REDIS_URL is set); 503 with the same body otherwise.',
    access: 'anyone',
    databaseOptional: true,
    response: ex.health,
    otherResponses: { '503': { description: 'The database or Redis does not answer.', example: { ...ex.health, status: 'error', db: 'down' } } },
  },
  ArticlesController_list: {
    summary: 'List articles',
    description:
      'Every article under debate, most recently active first, with its origin, counts and last activity, and for the most recently active ones their strongest open disputes: the open nodes whose rated supporting and attacking replies are strongest and most evenly matched (null where not worked out).',
    access: 'anyone',
    response: { items: [ex.articleListItem] },
  },
  ArticlesController_import: {
    summary: 'Import an article',
    description:
      "Splits a plain-text or Markdown article into paragraphs and sentences, gives each sentence its argument role (thesis, claim, support, rebuttal, context), target and a claim's stance, and builds the argument tree from them. A YAML front matter (title, author, date, source, license) gives the article's metadata; `metadata` in the body wins over it. 201 when new; 200 with the existing article when the same text was imported before.",
    access: 'moderator',
    throttled: true,
    errors: [ARTICLE_INVALID],
    request: {
      title: 'The case for a four-day week',
      text: 'The case for a four-day week\n\nIn the trial, productivity rose by a fifth while hours fell.',
      metadata: { sourceUrl: 'https://example.org/four-day-week', author: 'Jane Roe', publishedAt: '2026-04-28', licence: 'CC BY 4.0' },
    },
    response: ex.articleDetail,
  },
  ArticlesController_get: {
    summary: 'Read an article',
    description: "The first screen of an article: its paragraphs with their claims' figures and strongest replies, and a signed-in reader's own votes on them.",
    access: 'anyone',
    response: ex.articleDetail,
  },
  ArticlesController_tree: {
    summary: "An article's argument tree",
    description: 'Every node of the article the reader may see, with strengths; hidden and removed text is left out except for moderators.',
    access: 'anyone',
    response: { items: [ex.node] },
  },
  ArticlesController_myVotes: {
    summary: 'My votes in an article',
    description: "The caller's own votes in this article, keyed by node id.",
    access: 'signed-in',
    response: { votes: { [ex.ids.REPLY_ID]: 4 } },
  },
  PerspectivesController_get: {
    summary: "How each opinion group weighs an article's arguments",
    description:
      "Opinion groups of the article's readers, found from their votes and recomputed in the background as votes arrive (groups of fewer than 5 readers are not shown), each public node's strength as each group sees it and whether the group rated it or anything beneath it (nodes no group rated are left out), how far apart the groups are on each node, and the caller's own group. Nobody else's group is ever told.",
    access: 'anyone',
    response: {
      version: 4,
      computedAt: '2026-12-06T01:00:00.000Z',
      groups: [
        { id: '1', size: 20, label: 'Group A' },
        { id: '2', size: 18, label: 'Group B' },
      ],
      nodes: { [ex.ids.REPLY_ID]: { '1': { strength: 0.82, rated: true }, '2': { strength: 0.21, rated: true } } },
      disagreement: { [ex.ids.REPLY_ID]: 0.61 },
      myGroup: '2',
    },
  },
  ArticlesController_reply: {
    summary: 'Reply to a paragraph',
    description: "Supports or rebuts a paragraph's claim, or comments on it (a question or remark, type comment, that weighs nothing in its strength), optionally anchored to a quote of its text. New accounts' replies may wait for a moderator (status pending).",
    access: 'signed-in',
    throttled: true,
    errors: [...AUTHOR, LOCKED, QUOTE_NOT_FOUND, DUPLICATE],
    request: { type: 'rebuttal', text: 'The trial firms chose to take part.', quote: { exact: 'productivity rose by a fifth' } },
    response: ex.node,
  },
  ExchangeController_import: {
    summary: 'Import a debate from Argdown',
    description:
      "Creates a debate from an Argdown document (`format=argdown`; the body is an import's, `text` holding the document): the first statement that supports or attacks nothing is the thesis, statements supporting or attacking it become the paragraphs' claims, and those beneath them supports and rebuttals as their relations say. An exported debate (`GET /api/articles/{id}/export?format=argdown`) imports back into the same tree. 201 when new; 200 with the existing debate when the same document was imported before.",
    access: 'moderator',
    throttled: true,
    errors: [ARTICLE_INVALID],
    request: { text: '# The case for a four-day week\n\n[T]: Firms should adopt a four-day week.\n  + [P]: Productivity rose by a fifth in the trial.\n    - [S]: The trial firms chose to take part.\n' },
    response: ex.articleDetail,
  },
  RevisionsController_revise: {
    summary: "Revise an article's text",
    description:
      "Replaces the article's text by a new version (the same body as an import), keeping the old one. The article's sentences found again (unchanged or reworded) keep their nodes, votes and replies; readers' replies to a paragraph follow it, their quoted passage found again exactly or approximately (by its words, prefix, suffix and old position). What cannot be placed again becomes an orphan (see the orphans). Every reader of the article is told to reload (`article:revised`).",
    access: 'moderator',
    throttled: true,
    errors: [ARTICLE_INVALID, REVISION_IN_PROGRESS],
    request: { text: 'The case for a four-day week\n\nIn the trial, productivity rose by nearly a fifth while hours fell.' },
    response: { revision: 1, revisedAt: '2026-05-02T09:30:00.000Z', unchanged: 8, reanchored: 3, orphaned: 1, created: 2, reanchoredIds: [ex.ids.CLAIM_ID], orphanedIds: [ex.ids.REPLY_ID] },
  },
  RevisionsController_list: {
    summary: "An article's versions",
    description: 'Every version of the text, oldest first, with its date; 0 is the text as imported.',
    access: 'anyone',
    response: { items: [{ revision: 0, title: ex.articleSummary.title, createdAt: '2026-05-01T12:00:00.000Z', current: false }, { revision: 1, title: ex.articleSummary.title, createdAt: '2026-05-02T09:30:00.000Z', current: true }] },
  },
  RevisionsController_text: {
    summary: 'One version of an article',
    description: 'The text of one version as given, and its paragraphs as split.',
    access: 'anyone',
    response: { revision: 0, title: ex.articleSummary.title, createdAt: '2026-05-01T12:00:00.000Z', current: false, text: 'The case for a four-day week\n\nIn the trial, productivity rose by a fifth while hours fell.', paragraphs: ['In the trial, productivity rose by a fifth while hours fell.'] },
  },
  RevisionsController_orphans: {
    summary: "An article's orphans",
    description: 'Nodes a revision left without their place in the text (any status), with the passage they were anchored to, for a moderator to attach again.',
    access: 'moderator',
    response: { items: [{ node: { ...ex.node, orphaned: true, paragraphIndex: null, anchor: null }, quote: 'productivity rose by a fifth', formerParagraphIndex: 0, revision: 1 }] },
  },
  RevisionsController_attach: {
    summary: 'Attach an orphan',
    description: 'Moves an orphan, with everything beneath it, beneath a paragraph of the current text, optionally anchored to a passage of it.',
    access: 'moderator',
    throttled: true,
    errors: [QUOTE_NOT_FOUND],
    request: { paragraphIndex: 0, quote: { exact: 'productivity rose' } },
    response: ex.node,
  },
  FlagsController_flag: {
    summary: 'Flag a node',
    description: 'Reports a reply to the moderators; enough flags (FLAG_THRESHOLD) hide it until reviewed. Once per user and node.',
    access: 'signed-in',
    throttled: true,
    errors: [...AUTHOR, WITHDRAWN, ALREADY_FLAGGED],
    request: { reason: 'spam', note: 'Links to a shop' },
    response: ex.flag,
  },
  ModerationController_reviewQueue: {
    summary: 'Moderation queue',
    description: 'Nodes waiting for a decision (flagged, pending or hidden), with their open flags, their author and the author’s moderation history.',
    access: 'moderator',
    response: ex.queuePage,
  },
  ModerationController_audit: {
    summary: 'Audit log',
    description:
      'Every moderation decision, newest first, with the names of the moderator and the user concerned, the start of the node’s text and its thread (articleId, nodeId). Filtered by moderator (actorId), user (userId), action and date range (from, to).',
    access: 'moderator',
    response: ex.auditPage,
  },
  ModerationController_moderate: {
    summary: 'Decide on a node',
    description:
      'Approves, hides, removes or restores a node; the decision, its reason (required) and reason code (spam, abuse, off-topic, misinformation, illegal, other; default other) go to the audit log, and the author reads them on the post and in their notifications.',
    access: 'moderator',
    throttled: true,
    request: { action: 'hide', reason: 'Advertising', reasonCode: 'spam' },
    response: { ...ex.node, status: 'hidden' },
  },
  ModerationController_lockNode: {
    summary: 'Lock or unlock a node',
    description: 'A locked node takes no replies, edits or votes.',
    access: 'moderator',
    throttled: true,
    request: { locked: true, reason: 'Settled' },
    response: { ...ex.node, locked: true },
  },
  ModerationController_slowMode: {
    summary: 'Slow mode on a thread',
    description:
      'One reader’s replies anywhere beneath the node must be at least `seconds` apart (0 turns it off); a reply sooner is refused with 429 RATE_LIMITED and Retry-After. Moderators are not slowed.',
    access: 'moderator',
    throttled: true,
    request: { seconds: 120, reason: 'Heated exchange' },
    response: { ...ex.node, slowModeSeconds: 120 },
  },
  ModerationController_pinNode: {
    summary: 'Pin or unpin a node',
    description: 'A pinned reply is shown first among its siblings.',
    access: 'moderator',
    throttled: true,
    request: { pinned: true },
    response: { ...ex.node, pinned: true },
  },
  ModerationController_lockArticle: {
    summary: 'Lock or unlock an article',
    description: 'A locked article takes no replies, edits or votes anywhere in its tree.',
    access: 'moderator',
    throttled: true,
    request: { locked: true, reason: 'Debate closed' },
    response: { ...ex.articleSummary, locked: true },
  },
  ModerationUsersController_suspend: {
    summary: 'Suspend a user',
    description: 'The user may read but not write until the given time (in the future). Not oneself; a moderator only by an admin; never an admin.',
    access: 'moderator',
    throttled: true,
    errors: [FORBIDDEN],
    request: { until: '2026-06-01T00:00:00Z', reason: 'Repeated abuse', reasonCode: 'abuse' },
    response: { ...ex.user, suspendedUntil: '2026-06-01T00:00:00.000Z' },
  },
  ModerationUsersController_ban: {
    summary: 'Ban a user',
    description: 'The user may no longer write, until unbanned. Not oneself; a moderator only by an admin; never an admin.',
    access: 'moderator',
    throttled: true,
    errors: [FORBIDDEN],
    request: { reason: 'Spam account', reasonCode: 'spam' },
    response: { ...ex.user, banned: true },
  },
  ModerationUsersController_unban: {
    summary: 'Unban a user',
    description: 'Lifts a ban and any suspension.',
    access: 'moderator',
    throttled: true,
    errors: [FORBIDDEN],
    request: { reason: 'Appeal accepted' },
    response: ex.user,
  },
  ModerationUsersController_search: {
    summary: 'User directory',
    description: 'Users whose name starts with `q` (any case), in name order, with their standing; the cursor is the last name given.',
    access: 'moderator',
    response: ex.userDirectoryPage,
  },
  ModerationUsersController_dossier: {
    summary: 'A user as moderators see them',
    description: 'Standing (suspension, ban and why), moderation history, flags against their posts and the moderators’ private notes.',
    access: 'moderator',
    response: ex.userDossier,
  },
  ModerationUsersController_notes: {
    summary: 'Private notes on a user',
    description: 'Moderators’ notes on the user, newest first; never shown to anyone but moderators and admins.',
    access: 'moderator',
    response: [ex.moderatorNote],
  },
  ModerationUsersController_addNote: {
    summary: 'Add a private note on a user',
    description: 'A note for the moderators who deal with the user next; never shown to the user or other readers.',
    access: 'moderator',
    throttled: true,
    request: { text: 'Second warning about links this week.' },
    response: ex.moderatorNote,
  },
  NodeAppealsController_appeal: {
    summary: 'Appeal a decision on one’s post',
    description:
      'The author of a hidden or removed post asks once per decision that another moderator look again (409 ALREADY_APPEALED the second time). Allowed while suspended or banned.',
    access: 'signed-in',
    throttled: true,
    errors: [FORBIDDEN, ALREADY_APPEALED],
    request: { statement: 'The link is my source, not an advert.' },
    response: ex.appeal,
  },
  ModerationAppealsController_list: {
    summary: 'Appeals',
    description: 'Appeals by status (open by default), newest first, leaving out those of decisions the caller made: another moderator decides them.',
    access: 'moderator',
    response: ex.appealPage,
  },
  ModerationAppealsController_decide: {
    summary: 'Decide an appeal',
    description:
      'Upholds the decision or overturns it (the post is restored); audited and notified to the author. The moderator who made the decision is refused (403); an appeal is decided once (409 APPEAL_DECIDED).',
    access: 'moderator',
    throttled: true,
    errors: [FORBIDDEN, APPEAL_DECIDED],
    request: { outcome: 'overturn', reason: 'The link is a source.' },
    response: { ...ex.appeal, status: 'overturned', resolvedByName: 'mod2', resolution: 'The link is a source.', resolvedAt: '2026-05-01T13:00:00.000Z' },
  },
  AdminUsersController_changeRole: {
    summary: "Change a user's role",
    description: 'Makes a user participant, moderator or admin. Admins only; the last admin keeps the role until another is appointed.',
    access: 'admin',
    throttled: true,
    errors: [FORBIDDEN],
    request: { role: 'moderator', reason: 'Volunteered' },
    response: { ...ex.user, role: 'moderator' },
  },
  NodesController_get: {
    summary: 'Read a node',
    description: 'One claim or reply with its figures; its text is empty when the reader may not see it.',
    access: 'anyone',
    response: ex.node,
  },
  NodesController_children: {
    summary: "A node's replies",
    description: 'The replies to a node, a page at a time, by strength, by bridging (rated well by every opinion group: the geometric mean of the groups\' strengths), newest or most voted.',
    access: 'anyone',
    response: { items: [ex.node], nextCursor: null },
  },
  NodesController_strength: {
    summary: "Why a node's strength is what it is",
    description: 'The votes, the prior, and the aggregates of supporters and attackers (DF-QuAD) behind the strength.',
    access: 'anyone',
    response: ex.strength,
  },
  NodesController_history: {
    summary: "A node's earlier texts",
    description:
      'The texts an edited node had before, newest first (the last 20 edits). Readers see only texts that were public; the author and moderators also those held for review; a withdrawn node’s only its author and moderators.',
    access: 'anyone',
    response: ex.nodeHistory,
  },
  NodesController_reply: {
    summary: 'Reply to a node',
    description: 'Supports, rebuts or comments on a reply (a comment: a question or remark that weighs nothing in its strength). Not on a withdrawn reply. New accounts’ replies may wait for a moderator (status pending).',
    access: 'signed-in',
    throttled: true,
    errors: [...AUTHOR, LOCKED, WITHDRAWN, DUPLICATE],
    request: { type: 'support', text: 'Other trials found the same.' },
    response: ex.node,
  },
  NodesController_edit: {
    summary: 'Edit my reply',
    description: 'Replaces the text of the caller’s own reply; the node keeps its votes and replies.',
    access: 'signed-in',
    throttled: true,
    errors: [...AUTHOR, LOCKED, WITHDRAWN],
    request: { text: 'The trial firms chose to take part, so their results say little about others.' },
    response: { ...ex.node, editedAt: '2026-05-01T12:05:00.000Z', version: 2 },
  },
  NodesController_withdraw: {
    summary: 'Withdraw my reply',
    description: 'The caller’s own reply stays in the tree (its replies keep their place) without its text.',
    access: 'signed-in',
    throttled: true,
    errors: [...AUTHOR, LOCKED, WITHDRAWN],
    response: { ...ex.node, text: '', withdrawn: true },
  },
  VotesController_vote: {
    summary: 'Vote on a node',
    description: 'Rates a claim or reply from 1 to 5, replacing the caller’s earlier vote; not on one’s own reply, a withdrawn one or a comment.',
    access: 'signed-in',
    throttled: true,
    errors: [...AUTHOR, SELF_VOTE, LOCKED, WITHDRAWN],
    request: { value: 4 },
    response: ex.voteResponse,
  },
  VotesController_withdraw: {
    summary: 'Withdraw my vote',
    description: 'Removes the caller’s vote on the node, if any.',
    access: 'signed-in',
    throttled: true,
    errors: [...AUTHOR, LOCKED, WITHDRAWN],
    response: { ...ex.voteResponse, myVote: null },
  },
  VotesController_mine: {
    summary: 'My vote on a node',
    description: 'The caller’s vote on the node (null: none), when they cast it, and whether the node was edited since: they rated an earlier version.',
    access: 'signed-in',
    response: ex.myVote,
  },
  NotificationsController_list: {
    summary: 'My notifications',
    description:
      'Replies to the caller’s arguments, mentions of them, ratings of their arguments (summarised per argument) and moderation decisions on their posts with the reason, newest first, with the unread count. A reply’s or mention’s text is empty once that post is no longer public. New ones also arrive live as `notification:created` on the caller’s own sockets.',
    access: 'signed-in',
    response: ex.notificationPage,
  },
  NotificationsController_markRead: {
    summary: 'Mark notifications read',
    description: 'Marks some of the caller’s notifications read (`ids`; others’ ids are ignored) or all of them (`all: true`), and answers the unread count left.',
    access: 'signed-in',
    request: { ids: [ex.notificationPage.items[0].id] },
    response: { unread: 0 },
  },
  ProfilesController_profile: {
    summary: 'A reader’s profile',
    description:
      'A reader’s latest 100 arguments with their strength and ratings, their standing and their figures. The reader also sees their own pending and hidden posts; moderators see every post, open flags and the decisions about them.',
    access: 'anyone',
    response: ex.profile,
  },
  SearchController_find: {
    summary: 'Search',
    description: 'Article titles and public arguments containing the words typed (literally, case-insensitively), articles first, then the newest arguments. Only what anyone may read.',
    access: 'anyone',
    response: ex.search,
  },
  ExchangeController_export: {
    summary: 'Export a debate',
    description:
      'The article’s public arguments with their relations, anchors, vote totals and strengths, as a file: `format=json` (Agora’s own, the default), `argdown` (Argdown that @argdown/core reads back) or `aif` (the Argument Interchange Format as AIFdb and OVA read it).',
    access: 'anyone',
    response: { format: 'agora-debate', version: 1, exportedAt: '2026-12-06T00:00:00.000Z', article: { id: ex.ids.ARTICLE_ID, title: 'The case for a four-day week', metadata: ex.articleSummary.metadata, createdAt: '2026-12-01T00:00:00.000Z' }, nodes: [] },
  },
  AuthController_refresh: {
    summary: 'Renew the access token',
    description:
      'Exchanges the session cookie (set by sign-in, httpOnly, SameSite=Strict, sent only to /api/auth) for a fresh bearer token and a new cookie; the old cookie renews nothing again. 401 when there is no session, it ran out (SESSION_TTL_DAYS without use) or the account logged out everywhere or changed its password. Counted per cookie and per address (20 times a reader\'s allowance), so that readers sharing an address each renew theirs.',
    access: 'anyone',
    throttled: true,
    errors: [UNAUTHENTICATED],
    response: ex.auth,
  },
  AuthController_endSession: {
    summary: 'Sign out on this device',
    description: 'Ends the session the cookie names and clears the cookie; other devices stay signed in. Answers 204, with or without a session.',
    access: 'anyone',
    throttled: true,
    response: null,
  },
  AuthController_logout: {
    summary: 'Sign out everywhere',
    description: 'Revokes every token of the account (all its sessions and devices); its open sockets are closed. Answers 204.',
    access: 'signed-in',
    throttled: true,
    response: null,
  },
  AuthController_changePassword: {
    summary: 'Change my password',
    description: 'Checks the current password and the new one’s strength, revokes every earlier token and answers a new one.',
    access: 'signed-in',
    throttled: true,
    errors: [INVALID_CREDENTIALS],
    request: { currentPassword: 'correct horse battery', newPassword: 'a-Fresh-passphrase-77' },
    response: ex.auth,
  },
};
