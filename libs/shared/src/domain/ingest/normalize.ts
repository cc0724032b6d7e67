/**
 * Whitespace and line-ending normalisation. Quotes, dashes and every other
 * character are kept exactly as written: readers quote the article back to us
 * and anchors must match what the author typed.
 */

/** Unifies \r\n and lone \r to \n and drops a leading byte-order mark. */
export function normalizeLineEndings(source: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Collapses every run of whitespace (tabs, U+00A0 and the other unicode
 * spaces, stray line breaks) into one ASCII space and trims the ends.
 * `\s` in JavaScript already covers the unicode space separators.
 */
export function collapseWhitespace(text: string): string {
  // Most lines are already clean; testing first avoids allocating a copy of each.
  return NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

const NEEDS_COLLAPSE = /[^\S ]| {2}/;

/** True for any character `collapseWhitespace` would turn into a space. */
export function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}
