import type { ArticleParagraph, ArticleSentence } from '../../contracts/rest/articles.schema';
import { attributeSentences } from './attribution';
import { findHedges } from './hedges';
import { normalizeLineEndings } from './normalize';
import { splitParagraphs } from './paragraphs';
import { isQuestion } from './question';
import { assignRoles } from './roles';
import { splitSentences } from './sentences';
import { extractTitle } from './title';

export interface SplitArticle {
  /** The title line, or '' when the text has none (see `extractTitle`). */
  title: string;
  paragraphs: ArticleParagraph[];
}

/**
 * Turns a pasted article (plain text or Markdown, any line endings) into its
 * title and paragraphs of annotated sentences. Pure and linear in the input.
 */
export function splitArticle(source: string): SplitArticle {
  const lines = normalizeLineEndings(source).split('\n');
  const { title, bodyStart, markdown } = extractTitle(lines);
  const paragraphs = splitParagraphs(lines.slice(bodyStart), { markdown }).map(toParagraph);
  return { title, paragraphs };
}

function toParagraph(text: string, index: number): ArticleParagraph {
  const spans = splitSentences(text);
  const texts = spans.map(({ start, end }) => text.slice(start, end));
  const roles = assignRoles(texts);
  const sources = attributeSentences(texts);
  const sentences = spans.map(
    ({ start, end }, i): ArticleSentence => ({
      index: i,
      text: texts[i],
      start,
      end,
      role: roles[i],
      attribution: sources[i],
      hedges: findHedges(texts[i]),
      question: isQuestion(texts[i]),
    }),
  );
  return { index, text, sentences };
}
