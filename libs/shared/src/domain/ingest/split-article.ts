import type { ArticleParagraph } from '../../contracts/rest/articles.schema';

export interface SplitArticle {
  title: string;
  paragraphs: ArticleParagraph[];
}

/** Placeholder until the ingestion work lands: one paragraph per blank-line block, one sentence each. */
export function splitArticle(source: string): SplitArticle {
  const blocks = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const title = blocks.shift() ?? '';
  return {
    title,
    paragraphs: blocks.map((text, index) => ({
      index,
      text,
      sentences: [{ index: 0, text, start: 0, end: text.length, role: 'support', attribution: null, hedges: [], question: false }],
    })),
  };
}
