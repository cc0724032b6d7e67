import type { SourceLine } from './source-line';

/** Longer lines are prose someone wrote on one line; no editor wraps this wide. */
export const MAX_WRAP_WIDTH = 100;
/** Below this, short lines are deliberate (addresses, verse), not a narrow wrap. */
const MIN_WRAP_WIDTH = 40;
/** Wrappers such as `fmt` aim short of their maximum width. */
const WRAP_SLACK = 0.75;

/**
 * The width a block of consecutive lines was wrapped at: its widest line that
 * could have come from a wrapping editor.
 */
export function wrapWidth(lines: readonly SourceLine[]): number {
  let width = MIN_WRAP_WIDTH;
  for (const line of lines) {
    if (line.width <= MAX_WRAP_WIDTH && line.width > width) width = line.width;
  }
  return width;
}

/**
 * Whether `next` continues the paragraph of `prev` after a single line break.
 * Long lines are self-contained prose: a single break between them separates
 * paragraphs. In Markdown shorter lines always run on, as CommonMark has it.
 * In plain text, a line broken because the next word would not fit was
 * wrapped; so was a nearly full one, because wrappers such as `fmt` aim short
 * of their width and may stop at a sentence end with room left. A line with
 * plenty of room left ended on purpose.
 */
export function continuesLine(prev: SourceLine, next: SourceLine, width: number, markdown = false): boolean {
  if (prev.width > MAX_WRAP_WIDTH || next.width > MAX_WRAP_WIDTH) return false;
  if (markdown) return true;
  const firstWord = next.text.indexOf(' ');
  const firstWordLength = firstWord === -1 ? next.text.length : firstWord;
  if (prev.width + 1 + firstWordLength > width) return true;
  // A word hyphen at the end of a line never ends a paragraph.
  if (/\p{L}-$/u.test(prev.text)) return true;
  return prev.width >= width * WRAP_SLACK;
}
