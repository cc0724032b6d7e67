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
 * In plain text, a wrapping editor breaks a line only when the next word would
 * not fit, so a line with room left for the next word ended on purpose, unless
 * it is nearly full and does not end a sentence (wrappers leave some slack).
 */
export function continuesLine(prev: SourceLine, next: SourceLine, width: number, markdown = false): boolean {
  if (prev.width > MAX_WRAP_WIDTH || next.width > MAX_WRAP_WIDTH) return false;
  if (markdown) return true;
  const firstWord = next.text.indexOf(' ');
  const firstWordLength = firstWord === -1 ? next.text.length : firstWord;
  const fits = prev.width + 1 + firstWordLength <= width;
  if (!fits) return true;
  // A word hyphen at the end of a line never ends a paragraph.
  if (/\p{L}-$/u.test(prev.text)) return true;
  if (endsSentence(prev.text)) return false;
  return prev.width >= width * WRAP_SLACK;
}

function endsSentence(text: string): boolean {
  return /[.!?:…]["'”’)\]]*$/.test(text);
}
