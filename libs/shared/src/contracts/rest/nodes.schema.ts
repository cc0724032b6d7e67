import type { AppealStatus } from './appeals.schema';
import type { ReasonCode } from './moderation.schema';
import { z } from 'zod';
import { objectIdSchema, plainText } from './common.schema';

/** `comment`: a question or remark that takes no side, so weighs nothing in its parent's strength. */
export const NODE_TYPES = ['claim', 'support', 'rebuttal', 'comment'] as const;
export type NodeType = (typeof NODE_TYPES)[number];
export const REPLY_TYPES = ['support', 'rebuttal', 'comment'] as const;
export const replyTypeSchema = z.enum(REPLY_TYPES);
export type ReplyType = z.infer<typeof replyTypeSchema>;

export const NODE_STATUSES = ['visible', 'pending', 'hidden', 'removed'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const MAX_NODE_TEXT = 5000;
export const nodeTextSchema = plainText(1, MAX_NODE_TEXT);

/** A passage of a paragraph, told by its exact words and optionally the words around it. */
export const quoteSchema = z.strictObject({
  exact: plainText(1, 2000),
  prefix: z.string().max(200).optional(),
  suffix: z.string().max(200).optional(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const paragraphReplySchema = z.strictObject({
  type: replyTypeSchema,
  text: nodeTextSchema,
  quote: quoteSchema.optional(),
});
export type ParagraphReplyInput = z.infer<typeof paragraphReplySchema>;

export const nodeReplySchema = z.strictObject({ type: replyTypeSchema, text: nodeTextSchema });
export type NodeReplyInput = z.infer<typeof nodeReplySchema>;

export const editNodeSchema = z.strictObject({ text: nodeTextSchema });
export type EditNodeInput = z.infer<typeof editNodeSchema>;

/** `bridging`: rated well by every opinion group at once (see bridgingScore). */
export const CHILD_SORTS = ['strength', 'bridging', 'new', 'votes'] as const;
export const childrenQuerySchema = z.strictObject({
  sort: z.enum(CHILD_SORTS).default('strength'),
  cursor: z.string().regex(/^\d+$/).max(9).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ChildrenQuery = z.infer<typeof childrenQuerySchema>;

export const paragraphParamsSchema = z.strictObject({
  id: objectIdSchema,
  index: z.coerce.number().int().min(0).max(100000),
});

export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type ReplyCounts = Record<ReplyType, number>;
export const noReplies = (): ReplyCounts => ({ support: 0, rebuttal: 0, comment: 0 });
/** Every reply counted, of every type (a count sent before comments existed has none). */
export const replyTotal = (c: Partial<ReplyCounts>): number => (c.support ?? 0) + (c.rebuttal ?? 0) + (c.comment ?? 0);

/** Votes histogram keyed by value "1".."5". */
export type VoteHistogram = Record<'1' | '2' | '3' | '4' | '5', number>;

export interface VoteTotals {
  count: number;
  sum: number;
  histogram: VoteHistogram;
}

export interface ArgumentNode {
  id: string;
  articleId: string;
  parentId: string | null;
  ancestors: string[];
  depth: number;
  type: NodeType;
  /** Empty when the reader may not see it (withdrawn, hidden, removed). */
  text: string;
  authorId: string | null;
  authorName: string | null;
  origin: 'article' | 'user';
  paragraphIndex: number | null;
  sentenceIndex: number | null;
  anchor: Anchor | null;
  status: NodeStatus;
  votes: VoteTotals;
  /** Grows with every change of `votes`: of two totals of one node, the higher version is the newer. */
  votesVersion: number;
  /** Derived from the votes and the tree beneath (see articleFigures). */
  strength: number;
  /** Whether anyone has rated it or anything beneath it: until then `strength` is only where every node starts. */
  rated: boolean;
  /** Readers' public replies beneath it, by type. */
  replyCounts: ReplyCounts;
  locked: boolean;
  pinned: boolean;
  withdrawn: boolean;
  createdAt: string;
  editedAt: string | null;
  version: number;
  /** Ingestion metadata for article sentences. */
  attribution?: string | null;
  hedges?: string[];
  question?: boolean;
  /** It lost its place in the article's text at a revision (see OrphanView); absent otherwise. */
  orphaned?: boolean;
  /** An article paragraph's claim: for or against the article's thesis, null when the paragraph makes none (it then stands with the thesis). */
  stance?: 'for' | 'against' | null;
  /** Slow mode: seconds one reader must wait between replies beneath it; absent when off. */
  slowModeSeconds?: number;
  /** Why moderators took it out of view (hidden or removed): sent to its author and moderators only. */
  moderation?: NodeModeration;
}

/** A moderator's decision on a node as its author sees it, with the state of their appeal. */
export interface NodeModeration {
  /** The audit entry of the decision; an appeal names it. */
  decisionId: string;
  action: 'hide' | 'remove';
  reason: string | null;
  reasonCode: ReasonCode | null;
  decidedAt: string;
  /** Null until the author appeals. */
  appeal: AppealStatus | null;
}

/** Earlier texts a node keeps: its last edits; older ones are dropped. */
export const NODE_HISTORY_KEPT = 20;

/** One earlier text of a node. */
export interface NodeVersion {
  text: string;
  /** When this text was written (posted or last edited before), ISO 8601. */
  writtenAt: string;
}

/**
 * A node's earlier texts, newest first (the current one is the node's own). Readers see only the
 * texts that were public; moderators and the author see every one.
 */
export interface NodeHistory {
  nodeId: string;
  editedAt: string | null;
  versions: NodeVersion[];
}
