export interface TextRange {
  start: number;
  end: number;
}

/** Clamps, sorts and merges overlapping ranges, counting how many quotes cover each merged one. */
export function mergeRanges(ranges: readonly TextRange[], length: number): (TextRange & { count: number })[] {
  const clean = ranges
    .map((r) => ({ start: Math.max(0, Math.min(length, r.start)), end: Math.max(0, Math.min(length, r.end)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: (TextRange & { count: number })[] = [];
  for (const r of clean) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.count++;
    } else out.push({ ...r, count: 1 });
  }
  return out;
}

/**
 * Where a quote sits in a text: its recorded offsets when they still match, else the first place the
 * exact words occur (the text may have been re-split), else nowhere.
 */
export function locateQuote(text: string, quote: { exact: string; start?: number; end?: number; prefix?: string }): TextRange | null {
  if (!quote.exact) return null;
  if (quote.start !== undefined && quote.end !== undefined && text.slice(quote.start, quote.end) === quote.exact) {
    return { start: quote.start, end: quote.end };
  }
  if (quote.prefix) {
    const withPrefix = text.indexOf(quote.prefix + quote.exact);
    if (withPrefix !== -1) return { start: withPrefix + quote.prefix.length, end: withPrefix + quote.prefix.length + quote.exact.length };
  }
  const i = text.indexOf(quote.exact);
  return i === -1 ? null : { start: i, end: i + quote.exact.length };
}
