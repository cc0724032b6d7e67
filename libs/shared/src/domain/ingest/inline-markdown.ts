/**
 * Removes the inline Markdown that would otherwise show up as stray symbols in
 * the reader: links keep their text, images their alt text, emphasis and code
 * spans their content. Underscore emphasis is left alone because underscores
 * inside words (snake_case, URLs) are far more common in articles.
 * Every repeated class stops at the next delimiter of its own kind (it cannot
 * cross a bracket, backtick or asterisk), so a failed match costs at most the
 * distance to that delimiter and the whole pass stays linear.
 */
export function stripInlineMarkdown(text: string): string {
  if (!/[[*`]/.test(text)) return text;
  return text
    .replace(/!?\[([^[\]\n]*)\]\([^()[\]\s]*(?: "[^"\n]*")?\)/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\*\*([^*\s](?:[^*]*[^*\s])?)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\s](?:[^*]*[^*\s])?)\*(?![\w*])/g, '$1$2');
}
