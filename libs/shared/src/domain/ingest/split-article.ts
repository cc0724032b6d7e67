import type { ArticleMetadata, ArticleParagraph, ArticleSentence } from '../../contracts/rest/articles.schema';
import { attributeSentences } from './attribution';
import { readFrontMatter } from './front-matter';
import { findHedges } from './hedges';
import { normalizeLineEndings } from './normalize';
import { splitParagraphs } from './paragraphs';
import { isQuestion } from './question';
import { assignRoles, type SentenceArgument } from './roles';
import { splitSentences, type SentenceSpan } from './sentences';
import { extractTitle } from './title';

export interface SplitArticle {
  /** The title line (or the front matter's title), or '' when the text has none (see `extractTitle`). */
  title: string;
  /** What the front matter says of the article's origin (see `readFrontMatter`). */
  metadata: ArticleMetadata;
  paragraphs: ArticleParagraph[];
}

const NO_TITLE_SPLIT = { title: '', bodyStart: 0, markdown: false };

/**
 * Turns a pasted article (plain text or Markdown, any line endings, optionally opening with a YAML front matter) into its
 * title, metadata and paragraphs of annotated sentences. Pure and linear in the input.
 */
export function splitArticle(source: string): SplitArticle {
  const all = normalizeLineEndings(source).split('\n');
  const front = readFrontMatter(all);
  const lines = all.slice(front.lines);
  const found = extractTitle(lines);
  // A front matter title leaves the first line to the body, unless it is that same title.
  const repeated = front.title !== null && found.title === front.title;
  const { title, bodyStart, markdown } = front.title === null || repeated ? found : { ...NO_TITLE_SPLIT, title: front.title };
  const texts = splitParagraphs(lines.slice(bodyStart), { markdown });
  const spans = texts.map((text) => splitSentences(text));
  const sentenceTexts = spans.map((list, i) => list.map(({ start, end }) => texts[i].slice(start, end)));
  const sources = sentenceTexts.map(attributeSentences);
  const roles = assignRoles(sentenceTexts, sources);
  const paragraphs = texts.map((text, i) => toParagraph(text, i, spans[i], sentenceTexts[i], sources[i], roles[i]));
  return { title, metadata: front.metadata, paragraphs };
}

function toParagraph(
  text: string,
  index: number,
  spans: readonly SentenceSpan[],
  texts: readonly string[],
  sources: readonly (string | null)[],
  roles: readonly SentenceArgument[],
): ArticleParagraph {
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
