/** At most this many people are notified from one post: a list of names is not a way to page everyone. */
export const MAX_MENTIONS = 5;

// A name as usernames are made (letters, digits, _ and -), after an @ that does not follow a word
// character (so e-mail addresses are not mentions).
const MENTION = /(?<![\w@])@([A-Za-z0-9_-]{3,32})(?![A-Za-z0-9_-])/g;

/** The usernames a text mentions with `@name`, lower-cased, each once, in order, at most MAX_MENTIONS. */
export function mentionedUsernames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const name = match[1].toLowerCase();
    if (!names.includes(name)) names.push(name);
    if (names.length === MAX_MENTIONS) break;
  }
  return names;
}

/** What a votes notification says: how many new ratings one of the reader's arguments received. */
export function votesSummary(count: number, argumentExcerpt: string): string {
  const ratings = count === 1 ? '1 new rating' : `${count} new ratings`;
  return `${ratings} on your argument “${argumentExcerpt}”`;
}
