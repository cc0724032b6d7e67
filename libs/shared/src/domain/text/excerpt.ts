/** The text on one line, cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * An excerpt around the first place `query` occurs (case-insensitively), so a search result shows
 * why it matched; the start of the text when it does not occur.
 */
export function excerptAround(text: string, query: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0 || flat.length <= max) return excerpt(flat, max);
  const start = Math.max(0, at - Math.floor((max - query.length) / 2));
  const slice = flat.slice(start, start + max);
  const from = start > 0 ? slice.indexOf(' ') + 1 : 0;
  const body = excerpt(slice.slice(from > 0 && from < at - start ? from : 0), max);
  return start > 0 ? `…${body}` : body;
}
