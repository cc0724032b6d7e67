import search from 'approx-string-match';
import type { Anchor, Quote } from '../../contracts/rest/nodes.schema';

const CONTEXT = 32;
/** Repeats of a quote weighed against its prefix and suffix; past them the best so far is taken. */
const MAX_REPEATS = 1000;
/** The longest context compared: a longer prefix or suffix is cut to its part nearest the quote. */
const MAX_CONTEXT = 64;
/** How much each part counts in a match's score, as Hypothesis weighs them (its match-quote.js). */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL_WEIGHT = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/**
 * The least score an approximate match (one not of the exact words) is taken at: words half changed
 * with their surroundings gone score about 0.4; a few words changed in place, 0.8 and more.
 */
export const MIN_REANCHOR_SCORE = 0.7;
/** Quotes longer than this are matched by their first MAX_FUZZY characters (the matcher's cost grows with the quote). */
const MAX_FUZZY = 512;

const squash = (s: string): string => s.replace(/\s+/g, ' ');

/** A quote as a re-anchoring knows it: its words and context, and where it stood before. */
export interface QuoteWithPosition extends Quote {
  /** Offset of the quote in the paragraph it was found in before: ties go to the nearest. */
  start?: number;
}

export interface QuoteMatch {
  anchor: Anchor;
  /** 0..1: how well the quote and its context fit, as `scoreMatch` weighs them. */
  score: number;
  exact: boolean;
}

/** 0..1: how closely `pattern` appears in `text` (1 - its fewest edits / its length); 1 when there is no pattern. */
function contextScore(text: string, pattern: string, seen: Map<string, number>): number {
  if (!pattern) return 1;
  if (!text) return 0;
  // Repeats of a quote often sit in the same words (a list, a refrain): each window is scored once.
  const key = `${text}\u0000${pattern}`;
  let score = seen.get(key);
  if (score === undefined) {
    const matches = search(text, pattern, pattern.length);
    seen.set(key, (score = matches.length === 0 ? 0 : 1 - matches[0].errors / pattern.length));
  }
  return score;
}

/** A candidate's score: the quote's own fit, its prefix's and suffix's, and its distance from where it stood. */
function scoreMatch(
  text: string,
  start: number,
  end: number,
  errors: number,
  exactLength: number,
  quote: { prefix: string; suffix: string; start?: number },
  seen: Map<string, number>,
): number {
  const quoteScore = 1 - errors / exactLength;
  const prefixScore = contextScore(text.slice(Math.max(0, start - quote.prefix.length - 8), start), quote.prefix, seen);
  const suffixScore = contextScore(text.slice(end, end + quote.suffix.length + 8), quote.suffix, seen);
  const positionScore = quote.start === undefined || text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(start - quote.start) / text.length);
  return (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore) / TOTAL_WEIGHT;
}

const toAnchor = (paragraph: string, start: number, end: number): Anchor => ({
  exact: paragraph.slice(start, end),
  prefix: paragraph.slice(Math.max(0, start - CONTEXT), start),
  suffix: paragraph.slice(end, end + CONTEXT),
  start,
  end,
});

const normalized = (quote: QuoteWithPosition) => ({
  exact: squash(quote.exact).trim(),
  // Only the context nearest the quote counts: it tells repeats apart, and keeps every comparison small.
  prefix: quote.prefix ? squash(quote.prefix).trimEnd().slice(-MAX_CONTEXT) : '',
  suffix: quote.suffix ? squash(quote.suffix).trimStart().slice(0, MAX_CONTEXT) : '',
  start: quote.start,
});

/** The exact occurrences of the quote, best fitting context first; null when there is none. */
function bestExact(paragraph: string, q: ReturnType<typeof normalized>): QuoteMatch | null {
  let best: { start: number; score: number } | null = null;
  const seen = new Map<string, number>();
  // Bounded work whatever the paragraph: at most MAX_REPEATS repeats are weighed, each by a window of
  // text around it, and a perfect fit ends the search.
  let repeats = 0;
  for (let at = paragraph.indexOf(q.exact); at !== -1 && repeats < MAX_REPEATS; at = paragraph.indexOf(q.exact, at + 1), repeats++) {
    const score = scoreMatch(paragraph, at, at + q.exact.length, 0, q.exact.length, q, seen);
    if (!best || score > best.score) best = { start: at, score };
    if (score === 1) break;
  }
  return best && { anchor: toAnchor(paragraph, best.start, best.start + q.exact.length), score: best.score, exact: true };
}

/**
 * Finds a quoted passage in a paragraph, as text selectors do (W3C Web Annotation TextQuoteSelector):
 * the exact words, whitespace-insensitively; of several repeats, the one whose surroundings are
 * closest to the prefix and suffix given (approximately: a prefix with a typo still chooses).
 * Returns null when the words are not in the paragraph.
 */
export function locateQuote(paragraph: string, quote: QuoteWithPosition): Anchor | null {
  const q = normalized(quote);
  if (!q.exact) return null;
  return bestExact(paragraph, q)?.anchor ?? null;
}

/**
 * Finds a passage again in a paragraph that may have been reworded, as Hypothesis re-anchors an
 * annotation: its exact words first; else the closest approximate match (up to half its characters
 * changed), scored by the quote, its prefix and suffix and its old position, and taken only at
 * MIN_REANCHOR_SCORE or more. Null when nothing fits well enough.
 */
export function reanchorQuote(paragraph: string, quote: QuoteWithPosition): QuoteMatch | null {
  const q = normalized(quote);
  if (!q.exact || !paragraph) return null;
  const exact = bestExact(paragraph, q);
  if (exact) return exact;
  const pattern = q.exact.slice(0, MAX_FUZZY);
  const candidates = search(paragraph, pattern, Math.floor(pattern.length / 2));
  let best: QuoteMatch | null = null;
  const seen = new Map<string, number>();
  for (const c of candidates.slice(0, MAX_REPEATS)) {
    // A cut pattern ends its match early: the rest of the quote's length is taken after it.
    const end = Math.min(paragraph.length, c.end + (q.exact.length - pattern.length));
    const score = scoreMatch(paragraph, c.start, end, c.errors, pattern.length, q, seen);
    if (!best || score > best.score) best = { anchor: toAnchor(paragraph, c.start, end), score, exact: false };
  }
  return best && best.score >= MIN_REANCHOR_SCORE ? best : null;
}
