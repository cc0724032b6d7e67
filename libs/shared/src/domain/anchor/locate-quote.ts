import type { Anchor, Quote } from '../../contracts/rest/nodes.schema';

const CONTEXT = 32;
/** Repeats of a quote weighed against its prefix and suffix; past them the best so far is taken. */
const MAX_REPEATS = 1000;
/** Whitespace allowed between a repeat and its prefix or suffix. */
const WINDOW = 64;
const squash = (s: string): string => s.replace(/\s+/g, ' ');

/**
 * Finds a quoted passage in a paragraph, as text selectors do (W3C Web Annotation TextQuoteSelector):
 * the exact words, whitespace-insensitively, with prefix and suffix choosing between repeats.
 * Returns null when the passage is not in the paragraph.
 */
export function locateQuote(paragraph: string, quote: Quote): Anchor | null {
  const exact = squash(quote.exact).trim();
  if (!exact) return null;
  const prefix = quote.prefix ? squash(quote.prefix) : '';
  const suffix = quote.suffix ? squash(quote.suffix) : '';
  let best: { start: number; score: number } | null = null;
  // Bounded work whatever the paragraph: at most MAX_REPEATS repeats are weighed, each by a window of
  // text around it rather than everything before and after it, and a full match ends the search.
  let repeats = 0;
  for (let at = paragraph.indexOf(exact); at !== -1 && repeats < MAX_REPEATS; at = paragraph.indexOf(exact, at + 1), repeats++) {
    const before = paragraph.slice(Math.max(0, at - prefix.length - WINDOW), at);
    const after = paragraph.slice(at + exact.length, at + exact.length + suffix.length + WINDOW);
    const score = (prefix && before.trimEnd().endsWith(prefix.trimEnd()) ? 2 : 0) + (suffix && after.trimStart().startsWith(suffix.trimStart()) ? 1 : 0);
    if (!best || score > best.score) best = { start: at, score };
    if (score === 3) break;
  }
  if (!best) return null;
  const start = best.start;
  const end = start + exact.length;
  return {
    exact,
    prefix: paragraph.slice(Math.max(0, start - CONTEXT), start),
    suffix: paragraph.slice(end, end + CONTEXT),
    start,
    end,
  };
}
