import { classifyAbbreviation, isSentenceStarter } from './abbreviations';
import { isSpace } from './normalize';

/** Half-open range of one sentence in its paragraph: `text.slice(start, end)`. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const TERMINAL = /[.!?…‽]/g;
const TERMINALS = '.!?…‽';
/** Closing quotes and brackets after a terminal belong to the sentence they close. */
const CLOSERS = '"\'”’)]}»›';
const OPENERS = '"\'“‘([{«‹¿¡';
/** After these an ellipsis is a pause inside the sentence ("went to ... Paris"), never its end. */
const RUNS_ON = new Set('a an the of to and or but nor in on at by for with from as that than into onto'.split(' '));
/** Enough of the next word to see its first letter and recognise a sentence starter. */
const LOOKAHEAD = 40;

/**
 * Splits a paragraph into trimmed sentence spans in one left-to-right pass.
 * Only whitespace lies between (and around) the spans, so the sentences and
 * the gaps between them give the paragraph back exactly. Each candidate scans
 * at most the word before it and a bounded look-ahead, so the pass is linear.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpaces(text, 0);
  let from = start;
  while (from < text.length) {
    TERMINAL.lastIndex = from;
    const found = TERMINAL.exec(text);
    if (!found) break;
    const mark = found.index;
    let end = mark;
    while (end < text.length && (TERMINALS.includes(text[end]) || CLOSERS.includes(text[end]))) end += 1;
    if (end < text.length && !isSpace(text[end])) {
      // Not followed by a space: a decimal (3.5), an inner dot (U.S.A) or a URL.
      from = end;
      continue;
    }
    const next = skipSpaces(text, end);
    if (next < text.length && breaksAt(text, mark, end, next)) {
      spans.push({ start, end });
      start = next;
    }
    from = next;
  }
  if (start < text.length) spans.push({ start, end: trimmedEnd(text, start) });
  return spans;
}

/** Whether the terminal run `text[mark, end)` (closers included) ends a sentence, given the next word at `next`. */
function breaksAt(text: string, mark: number, end: number, next: number): boolean {
  let marks = '';
  for (let i = mark; i < end; i += 1) if (TERMINALS.includes(text[i])) marks += text[i];
  const following = wordAt(text, next);
  const lead = leadingLetter(following);
  const lower = isLowercase(lead);

  if (/[?!‽]/.test(marks)) return !lower;
  if (lower) return false;
  if (marks.includes('…') || marks.length > 1) {
    // An ellipsis before a capital usually ends the thought, unless the words before it cannot end one.
    return !RUNS_ON.has(lastWordBefore(text, mark).toLowerCase());
  }
  switch (classifyAbbreviation(bareWord(text, mark))) {
    case 'never':
      return false;
    case 'before-number':
      return !/\d/.test(lead);
    case 'acronym':
      return isSentenceStarter(stripPunctuation(following));
    case 'ordinary':
      return true;
  }
}

/** The word attached to the full stop at `mark`, without brackets or quotes ("(Benghazi)." gives "Benghazi"). */
function bareWord(text: string, mark: number): string {
  let from = mark;
  while (from > 0 && !isSpace(text[from - 1])) from -= 1;
  return stripPunctuation(text.slice(from, mark));
}

/** The last word before `mark`, skipping spaces first (for spaced ellipses: "Syria .. Libya"). */
function lastWordBefore(text: string, mark: number): string {
  let to = mark;
  while (to > 0 && isSpace(text[to - 1])) to -= 1;
  let from = to;
  while (from > 0 && !isSpace(text[from - 1])) from -= 1;
  return stripPunctuation(text.slice(from, to));
}

function wordAt(text: string, from: number): string {
  let to = from;
  const limit = Math.min(text.length, from + LOOKAHEAD);
  while (to < limit && !isSpace(text[to])) to += 1;
  return text.slice(from, to);
}

function leadingLetter(word: string): string {
  let i = 0;
  while (i < word.length - 1 && OPENERS.includes(word[i])) i += 1;
  return word.charAt(i);
}

function stripPunctuation(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && OPENERS.includes(word[from])) from += 1;
  while (to > from && (CLOSERS.includes(word[to - 1]) || ',;:'.includes(word[to - 1]))) to -= 1;
  return word.slice(from, to);
}

function isLowercase(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i += 1;
  return i;
}

function trimmedEnd(text: string, start: number): number {
  let end = text.length;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return end;
}
