import { z } from 'zod';
import { objectIdSchema } from './common.schema';
import { importArticleSchema } from './articles.schema';
import { quoteSchema, type ArgumentNode } from './nodes.schema';

/** A new version of an article's text: the same body as an import. */
export const reviseArticleSchema = importArticleSchema;
export type ReviseArticleInput = z.infer<typeof reviseArticleSchema>;

export const revisionParamsSchema = z.strictObject({
  id: objectIdSchema,
  revision: z.coerce.number().int().min(0).max(100000),
});

export const orphanParamsSchema = z.strictObject({ id: objectIdSchema, nodeId: objectIdSchema });

/** Where a moderator attaches an orphan: a paragraph of the current text, and optionally a passage of it. */
export const attachOrphanSchema = z.strictObject({
  paragraphIndex: z.number().int().min(0).max(100000),
  quote: quoteSchema.optional(),
});
export type AttachOrphanInput = z.infer<typeof attachOrphanSchema>;

/** One version of an article's text; 0 is the text as imported. */
export interface ArticleRevisionSummary {
  revision: number;
  title: string;
  createdAt: string;
  current: boolean;
}

export interface ArticleRevisionText extends ArticleRevisionSummary {
  /** The text as given, before splitting. */
  text: string;
  /** Its paragraphs as split. */
  paragraphs: string[];
}

/**
 * What a revision did to the nodes anchored in the text (paragraph claims, the article's sentences and
 * readers' replies to paragraphs): kept in place, found again elsewhere or reworded, or left orphaned.
 */
export interface RevisionResult {
  revision: number;
  revisedAt: string;
  unchanged: number;
  reanchored: number;
  orphaned: number;
  /** New nodes for the article's new paragraphs and sentences. */
  created: number;
  reanchoredIds: string[];
  orphanedIds: string[];
}

/** A node that lost its place in the text at a revision, with the passage it was anchored to. */
export interface OrphanView {
  node: ArgumentNode;
  /** The passage it quoted (or the sentence or paragraph it stood for); null for a reply to a whole paragraph. */
  quote: string | null;
  /** Its paragraph in the version it was anchored to. */
  formerParagraphIndex: number | null;
  /** The revision that orphaned it. */
  revision: number;
}
