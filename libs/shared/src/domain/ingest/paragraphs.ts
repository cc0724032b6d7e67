import { continuesLine, wrapWidth } from './hard-wrap';
import { stripInlineMarkdown } from './inline-markdown';
import { collapseWhitespace } from './normalize';
import { classifyLine, type SourceLine } from './source-line';

export interface ParagraphOptions {
  /** Read single line breaks the Markdown way; also switched on by Markdown block syntax in the lines. */
  markdown?: boolean;
}

interface OpenParagraph {
  kind: 'text' | 'item' | 'code';
  quote: number;
  parts: string[];
  last: SourceLine;
  width: number;
}

/**
 * Groups the body lines (title already removed, line endings already \n) into
 * paragraph texts, each whitespace-normalised and trimmed.
 *
 * Blank lines always separate paragraphs. A single line break separates them
 * too unless the text is hard-wrapped or Markdown (see `continuesLine`). Markdown: each
 * list item is its own paragraph (items are usually separate points to debate),
 * block quotes lose their `>` and form their own paragraphs, headings become
 * one-line paragraphs so no visible text is dropped, rules are dropped, and a
 * fenced code block becomes one paragraph.
 */
export function splitParagraphs(lines: readonly string[], options: ParagraphOptions = {}): string[] {
  const classified = lines.map(classifyLine);
  const widths = blockWidths(classified);
  // List markers alone do not count: plain-text authors use "- " too.
  const markdown =
    options.markdown === true || classified.some((line) => line.kind === 'heading' || line.kind === 'fence' || line.quote > 0);
  const paragraphs: string[] = [];
  let open: OpenParagraph | null = null;

  const flush = () => {
    if (open) pushParagraph(paragraphs, open.parts);
    open = null;
  };
  const start = (kind: OpenParagraph['kind'], line: SourceLine, width: number) => {
    flush();
    open = { kind, quote: line.quote, parts: [line.text], last: line, width };
  };

  for (let i = 0; i < classified.length; i += 1) {
    const line = classified[i];
    const current = open as OpenParagraph | null;
    if (current?.kind === 'code') {
      if (line.kind === 'fence') flush();
      else current.parts.push(collapseWhitespace(lines[i]));
      continue;
    }
    switch (line.kind) {
      case 'blank':
      case 'rule':
        flush();
        break;
      case 'fence':
        start('code', { ...line, text: '' }, widths[i]);
        break;
      case 'heading':
        flush();
        pushParagraph(paragraphs, [line.text]);
        break;
      case 'item':
        start('item', line, widths[i]);
        break;
      case 'text':
        if (current && continues(current, line, markdown)) {
          current.parts.push(line.text);
          current.last = line;
        } else {
          start('text', line, widths[i]);
        }
        break;
    }
  }
  flush();
  return paragraphs;
}

function continues(open: OpenParagraph, line: SourceLine, markdown: boolean): boolean {
  if (open.quote !== line.quote) return false;
  if (open.kind === 'item' && line.indented) return true;
  // An indented first line is the plain-text way of starting a paragraph.
  if (open.kind === 'text' && line.indented && !open.last.indented) return false;
  return continuesLine(open.last, line, open.width, markdown);
}

/** Wrap width of the block (run of non-blank lines at one quote depth) each line belongs to. */
function blockWidths(lines: readonly SourceLine[]): number[] {
  const widths = new Array<number>(lines.length);
  let blockStart = 0;
  for (let i = 0; i <= lines.length; i += 1) {
    const ends = i === lines.length || lines[i].kind === 'blank' || lines[i].quote !== lines[blockStart].quote;
    if (!ends) continue;
    const width = wrapWidth(lines.slice(blockStart, i));
    for (let j = blockStart; j < i; j += 1) widths[j] = width;
    if (i < lines.length) widths[i] = width;
    blockStart = i < lines.length && lines[i].kind === 'blank' ? i + 1 : i;
  }
  return widths;
}

function pushParagraph(paragraphs: string[], parts: readonly string[]): void {
  // Parts are collapsed lines joined by one space; only stripped Markdown can leave spaces to tidy.
  const joined = joinParts(parts);
  const stripped = stripInlineMarkdown(joined);
  const text = stripped === joined ? joined : collapseWhitespace(stripped);
  if (text !== '') paragraphs.push(text);
}

/** Joins wrapped lines; a line ending in a word-hyphen ("self-" / "contained") joins without a space. */
function joinParts(parts: readonly string[]): string {
  let joined = '';
  let previous = '';
  for (const part of parts) {
    if (part === '') continue;
    // Tested on the previous line only: testing the growing paragraph would be quadratic.
    const hyphenated = /\p{L}-$/u.test(previous);
    joined = joined === '' ? part : joined + (hyphenated ? '' : ' ') + part;
    previous = part;
  }
  return joined;
}
