import { DomainError, ERROR_CODES, isoDate, splitArticle, type ArticleMetadata, type ImportArticleInput, type SplitArticle } from '@agora/shared';

export interface ImportLimits {
  IMPORT_MAX_PARAGRAPHS: number;
  IMPORT_MAX_NODES: number;
}

/**
 * An imported (or revised) text split into paragraphs and sentences, with the metadata given in the
 * body over the front matter's; refused (DomainError) when it is binary, has nothing to debate or
 * is over the limits.
 */
export function splitForImport(input: ImportArticleInput, limits: ImportLimits): { split: SplitArticle; metadata: ArticleMetadata } {
  const source = input.text;
  // Binary data: NUL bytes or many replacement characters from a failed UTF-8 decode.
  if (source.includes('\u0000') || (source.match(/\uFFFD/g)?.length ?? 0) > 8) {
    throw new DomainError(ERROR_CODES.ARTICLE_INVALID, 'The text looks like binary data, not an article.');
  }
  const split = splitArticle(source);
  if (input.title) split.title = input.title.trim();
  // Given fields win over the front matter; a given time is stored in UTC like one read from the text.
  const given = { ...input.metadata, ...(input.metadata?.publishedAt ? { publishedAt: isoDate(input.metadata.publishedAt) } : {}) };
  if (split.paragraphs.length === 0 || split.paragraphs.every((p) => p.sentences.length === 0)) {
    throw new DomainError(ERROR_CODES.ARTICLE_INVALID, 'The text has no sentences to debate.');
  }
  const nodes = 1 + split.paragraphs.reduce((n, p) => n + 1 + p.sentences.length, 0);
  if (split.paragraphs.length > limits.IMPORT_MAX_PARAGRAPHS || nodes > limits.IMPORT_MAX_NODES) {
    throw new DomainError(
      ERROR_CODES.PAYLOAD_TOO_LARGE,
      `The article makes ${split.paragraphs.length} paragraphs and ${nodes} argument nodes; at most ${limits.IMPORT_MAX_PARAGRAPHS} and ${limits.IMPORT_MAX_NODES} are taken.`,
      { paragraphs: split.paragraphs.length, nodes },
    );
  }
  return { split, metadata: { ...split.metadata, ...given } };
}
