import { collapseWhitespace } from './normalize';

export type SourceLineKind = 'blank' | 'heading' | 'rule' | 'fence' | 'item' | 'text';

/** One physical line of the article, with its Markdown block syntax recognised. */
export interface SourceLine {
  kind: SourceLineKind;
  /** Content without block-quote, heading or list markers, whitespace collapsed. */
  text: string;
  /** Block-quote depth: how many `>` markers preceded the content. */
  quote: number;
  /** The content started with indentation: a list continuation or an indented paragraph start. */
  indented: boolean;
  /** Length of the line as typed, spaces uncollapsed (markers included, quote prefix excluded): what a wrapping editor measured. */
  width: number;
}

const LIST_MARKER = /^(?:[-*+•‣◦]|\d{1,9}[.)])\s+/;
// `=` is included so a setext underline also closes the paragraph above it.
const RULE = /^(?:[-*_=]\s?){3,}$/;

/** Recognises the Markdown block syntax of one line; plain text simply comes out as `text` lines. */
export function classifyLine(raw: string): SourceLine {
  let rest = raw;
  let quote = 0;
  // A loop rather than one regex so that nested `> > >` prefixes stay linear.
  for (;;) {
    const match = /^[ \t\u00A0]{0,3}>[ \t\u00A0]?/.exec(rest);
    if (!match) break;
    quote += 1;
    rest = rest.slice(match[0].length);
  }
  const indented = /^[ \t\u00A0]/.test(rest);
  const line = collapseWhitespace(rest);
  const base = { quote, indented, width: rest.trim().length };

  if (line === '') return { ...base, kind: 'blank', text: '' };
  if (line.startsWith('```') || line.startsWith('~~~')) return { ...base, kind: 'fence', text: '' };
  if (RULE.test(line)) return { ...base, kind: 'rule', text: '' };

  const heading = /^#{1,6}(?: |$)/.exec(line);
  if (heading) {
    // Closing hashes (`## Title ##`) are decoration, not content.
    const text = line.slice(heading[0].length).replace(/(?:^| )#+$/, '').trim();
    return { ...base, kind: 'heading', text };
  }

  const item = LIST_MARKER.exec(line);
  if (item) return { ...base, kind: 'item', text: line.slice(item[0].length) };

  return { ...base, kind: 'text', text: line };
}
