import type { Anchor, Quote } from '../../contracts/rest/nodes.schema';

const CONTEXT = 32;
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
  for (let at = paragraph.indexOf(exact); at !== -1; at = paragraph.indexOf(exact, at + 1)) {
    const before = paragraph.slice(0, at);
    const after = paragraph.slice(at + exact.length);
    const score = (prefix && before.trimEnd().endsWith(prefix.trimEnd()) ? 2 : 0) + (suffix && after.trimStart().startsWith(suffix.trimStart()) ? 1 : 0);
    if (!best || score > best.score) best = { start: at, score };
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
