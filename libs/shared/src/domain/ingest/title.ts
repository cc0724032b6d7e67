import { collapseWhitespace } from './normalize';
import { stripInlineMarkdown } from './inline-markdown';
import { continuesLine, wrapWidth } from './hard-wrap';
import { classifyLine, type SourceLine } from './source-line';

export interface TitleSplit {
  /** The article title, or '' when the text does not start with one. */
  title: string;
  /** Index of the first line after the title (0 when there is no title). */
  bodyStart: number;
  /** The title was Markdown heading syntax, so the body is Markdown too. */
  markdown: boolean;
}

const MAX_TITLE_LENGTH = 200;
/** A hard-wrapped title spans a few lines at most. */
const MAX_TITLE_LINES = 3;
const NO_TITLE: TitleSplit = { title: '', bodyStart: 0, markdown: false };

/**
 * Finds the title line. A Markdown heading (`# ...` or a setext underline)
 * always is one; a plain first line (or a first line hard-wrapped over up to
 * three lines) is one when a blank line follows it and it reads like a title
 * rather than prose: short, and not ending in a full stop or a comma. Without a title we return '' rather than inventing one from the
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
  const block = wrappedBlock(lines, first);
  if (block) {
    const text = block.map((part) => part.text).join(' ');
    if (looksLikeTitle(text)) return { title: stripInlineMarkdown(text), bodyStart: first + block.length, markdown: false };
  }
  return NO_TITLE;
}

/** The lines from `first` up to a blank line, when they are one hard-wrapped line of plain text. */
function wrappedBlock(lines: readonly string[], first: number): SourceLine[] | null {
  const block: SourceLine[] = [];
  for (let i = first; i < lines.length && block.length <= MAX_TITLE_LINES; i += 1) {
    const line = classifyLine(lines[i]);
    if (line.kind === 'blank') break;
    if (line.kind !== 'text' || line.quote > 0) return null;
    block.push(line);
  }
  const followedByBlank = first + block.length < lines.length;
  if (!followedByBlank || block.length > MAX_TITLE_LINES) return null;
  const width = wrapWidth(block);
  for (let i = 1; i < block.length; i += 1) if (!continuesLine(block[i - 1], block[i], width)) return null;
  return block;
}

function looksLikeTitle(text: string): boolean {
  if (text.length > MAX_TITLE_LENGTH) return false;
  // Question and exclamation titles are common; a closing full stop is not.
  return !/[.,;]["'”’)\]]*$/.test(text);
}
