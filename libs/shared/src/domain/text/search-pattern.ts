/**
 * A case-insensitive pattern that finds `query` literally, its words separated by any whitespace:
 * what a reader types is never read as a regular expression (no injection, no catastrophic
 * backtracking).
 */
export function searchPattern(query: string): RegExp {
  const words = query.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return new RegExp(words.join('\\s+'), 'i');
}
