import type { OpenDispute } from '../../domain/disputes/open-disputes';
import type { ArgumentNode, ReplyCounts } from './nodes.schema';
import { z } from 'zod';
import { plainText } from './common.schema';

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** An article's origin given at import; each field given wins over the text's front matter. */
export const articleMetadataInputSchema = z.strictObject({
  sourceUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  author: plainText(1, 300).optional(),
  /** A date (2014-06-20) or an ISO date and time. */
  publishedAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  licence: plainText(1, 300).optional(),
});

export const importArticleSchema = z.strictObject({
  title: z.string().min(1).max(300).optional(),
  text: z.string().min(1).max(MAX_ARTICLE_BYTES),
  metadata: articleMetadataInputSchema.optional(),
});
export type ImportArticleInput = z.infer<typeof importArticleSchema>;

export interface ArticleSentence {
  index: number;
  text: string;
  start: number;
  end: number;
  /** What the sentence does in the article's argument (see `assignRoles`); context is not argued and not voted on. */
  role: 'thesis' | 'claim' | 'support' | 'rebuttal' | 'context';
  /** The sentence of the same paragraph a support or rebuttal argues about; null for the paragraph's claim (for a claim: the thesis). */
  target: number | null;
  /** A claim's stance toward the thesis; null for every other role. */
  stance: 'for' | 'against' | null;
  attribution: string | null;
  hedges: string[];
  question: boolean;
  nodeId?: string;
}

export interface ArticleParagraph {
  index: number;
  text: string;
  sentences: ArticleSentence[];
  nodeId?: string;
  /** Live figures of the paragraph's claim node. */
  replyCounts?: ReplyCounts;
  strength?: number;
  rated?: boolean;
  /** The claim's strongest public replies (pinned first), for the first screen; the rest load on demand. */
  topReplies?: ArgumentNode[];
}

/** Where an article comes from and on what terms; every field null when unknown. */
export interface ArticleMetadata {
  /** An http(s) address of the original. */
  sourceUrl: string | null;
  author: string | null;
  /** ISO 8601: a date (2014-06-20) or a date and time in UTC. */
  publishedAt: string | null;
  /** As written: "CC BY 4.0", a URL, "All rights reserved". */
  licence: string | null;
}

export interface ArticleSummary {
  id: string;
  title: string;
  metadata: ArticleMetadata;
  slug: string;
  paragraphCount: number;
  nodeCount: number;
  replyCount: number;
  locked: boolean;
  createdAt: string;
  lastActivityAt: string;
  /** The version of the text shown: 0 as imported, one more at each revision (see RevisionResult). */
  revision: number;
  /** When the text was last revised; null when never. */
  revisedAt: string | null;
}

/** An article as the home page lists it. */
export interface ArticleListItem extends ArticleSummary {
  /**
   * Its most strongly and evenly contested open nodes (see openDisputes), strongest first; null when
   * the listing did not work them out (only the most recently active articles' are).
   */
  disputes: OpenDispute[] | null;
}

export interface ArticleDetail extends ArticleSummary {
  rootNodeId: string;
  paragraphs: ArticleParagraph[];
  /** For a signed-in reader: their own votes on the claims and replies shown, by node id. */
  myVotes?: Record<string, number>;
}
