/** How long the same text by the same author under the same parent counts as posted twice. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

const normalized = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface Post {
  authorId: string | null;
  text: string;
  /** ISO time. */
  createdAt: string;
  withdrawn?: boolean;
}

/**
 * Whether `text` by `authorId` repeats one of `siblings` (the parent's other replies) posted within the
 * window: the same words, whitespace aside. A withdrawn post does not count: its author took it back.
 */
export function repeatsSibling(siblings: Iterable<Post>, authorId: string, text: string, now: number): boolean {
  const mine = normalized(text);
  for (const s of siblings)
    if (s.authorId === authorId && !s.withdrawn && now - Date.parse(s.createdAt) < DUPLICATE_WINDOW_MS && normalized(s.text) === mine) return true;
  return false;
}
