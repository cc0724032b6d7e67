/** Returns the first banned word the text contains as a whole word, case-insensitively, or null. */
export function findBannedWord(text: string, bannedWords: readonly string[]): string | null {
  const lower = text.toLowerCase();
  for (const raw of bannedWords) {
    const word = raw.trim().toLowerCase();
    if (!word) continue;
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower)) return word;
  }
  return null;
}
