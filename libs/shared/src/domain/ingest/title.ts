import { collapseWhitespace } from './normalize';
import { stripInlineMarkdown } from './inline-markdown';
import { classifyLine } from './source-line';

export interface TitleSplit {
  /** The article title, or '' when the text does not start with one. */
  title: string;
  /** Index of the first line after the title (0 when there is no title). */
  bodyStart: number;
  /** The title was Markdown heading syntax, so the body is Markdown too. */
  markdown: boolean;
}

const MAX_TITLE_LENGTH = 200;
const NO_TITLE: TitleSplit = { title: '', bodyStart: 0, markdown: false };

/**
 * Finds the title line. A Markdown heading (`# ...` or a setext underline)
 * always is one; a plain first line is one when a blank line follows it and it
 * reads like a title rather than prose: short, and not ending in a full stop
 * or a comma. Without a title we return '' rather than inventing one from the
 * first sentence, so callers can tell "untitled" apart and choose their own.
 */
export function extractTitle(lines: readonly string[]): TitleSplit {
  let first = 0;
  while (first < lines.length && collapseWhitespace(lines[first]) === '') first += 1;
  if (first === lines.length) return NO_TITLE;

  const line = classifyLine(lines[first]);
  if (line.quote > 0) return NO_TITLE;
  if (line.kind === 'heading') return { title: stripInlineMarkdown(line.text), bodyStart: first + 1, markdown: true };
  if (line.kind !== 'text') return NO_TITLE;

  const next = first + 1 < lines.length ? collapseWhitespace(lines[first + 1]) : undefined;
  if (next !== undefined && /^(?:={3,}|-{3,})$/.test(next)) {
    return { title: stripInlineMarkdown(line.text), bodyStart: first + 2, markdown: true };
  }
  if (next === '' && looksLikeTitle(line.text)) {
    return { title: stripInlineMarkdown(line.text), bodyStart: first + 1, markdown: false };
  }
  return NO_TITLE;
}

function looksLikeTitle(text: string): boolean {
  if (text.length > MAX_TITLE_LENGTH) return false;
  // Question and exclamation titles are common; a closing full stop is not.
  return !/[.,;]["'”’)\]]*$/.test(text);
}
