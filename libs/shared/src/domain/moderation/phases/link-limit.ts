const LINK = /\b(?:https?:\/\/|www\.)[^\s]+/gi;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}
