import { findBannedWord } from './phases/banned-words';
import { countLinks } from './phases/link-limit';

export interface PreModerationPolicy {
  bannedWords: readonly string[];
  maxLinks: number;
  /** A new account's first N posts wait for review; 0 turns it off. */
  newAccountPosts: number;
}

export interface PreModerationInput {
  text: string;
  authorPostCount: number;
}

/**
 * Runs the pre-moderation phases in order and returns why a new post must wait for review,
 * or null when it may be published at once.
 */
export function preModerationReason(input: PreModerationInput, policy: PreModerationPolicy): string | null {
  const word = findBannedWord(input.text, policy.bannedWords);
  if (word) return `contains a banned word ("${word}")`;
  const links = countLinks(input.text);
  if (links > policy.maxLinks) return `has ${links} links (at most ${policy.maxLinks} allowed)`;
  if (input.authorPostCount < policy.newAccountPosts) return `one of a new account's first ${policy.newAccountPosts} posts`;
  return null;
}
