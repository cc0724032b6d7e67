import type { ArgumentNode } from './nodes.schema';
import { z } from 'zod';

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export const importArticleSchema = z.strictObject({
  title: z.string().min(1).max(300).optional(),
  text: z.string().min(1).max(MAX_ARTICLE_BYTES),
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
  replyCounts?: { support: number; rebuttal: number };
  strength?: number;
  /** The claim's strongest public replies (pinned first), for the first screen; the rest load on demand. */
  topReplies?: ArgumentNode[];
}

export interface ArticleSummary {
  id: string;
  title: string;
  slug: string;
  paragraphCount: number;
  nodeCount: number;
  replyCount: number;
  locked: boolean;
  createdAt: string;
  lastActivityAt: string;
}

export interface ArticleDetail extends ArticleSummary {
  rootNodeId: string;
  paragraphs: ArticleParagraph[];
  /** For a signed-in reader: their own votes on the claims and replies shown, by node id. */
  myVotes?: Record<string, number>;
}
