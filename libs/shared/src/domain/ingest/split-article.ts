import type { ArticleParagraph, ArticleSentence } from '../../contracts/rest/articles.schema';
import { attributeSentences } from './attribution';
import { findHedges } from './hedges';
import { normalizeLineEndings } from './normalize';
import { splitParagraphs } from './paragraphs';
import { isQuestion } from './question';
import { assignRoles, type SentenceArgument } from './roles';
import { splitSentences, type SentenceSpan } from './sentences';
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
  const texts = splitParagraphs(lines.slice(bodyStart), { markdown });
  const spans = texts.map((text) => splitSentences(text));
  const sentenceTexts = spans.map((list, i) => list.map(({ start, end }) => texts[i].slice(start, end)));
  const roles = assignRoles(sentenceTexts);
  const paragraphs = texts.map((text, i) => toParagraph(text, i, spans[i], sentenceTexts[i], roles[i]));
  return { title, paragraphs };
}

function toParagraph(text: string, index: number, spans: readonly SentenceSpan[], texts: readonly string[], roles: readonly SentenceArgument[]): ArticleParagraph {
  const sources = attributeSentences(texts);
  const sentences = spans.map(
    ({ start, end }, i): ArticleSentence => ({
      index: i,
      text: texts[i],
      start,
      end,
      role: roles[i].role,
      target: roles[i].target,
      stance: roles[i].stance,
      attribution: sources[i],
      hedges: findHedges(texts[i]),
      question: isQuestion(texts[i]),
    }),
  );
  return { index, text, sentences };
}
