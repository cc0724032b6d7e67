// Long article texts made from the seed article: its paragraphs repeated, each copy in a rotated
// order and with its figures changed, so no two paragraphs are the same and the prose stays real.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function seedParagraphs(root) {
  const text = readFileSync(join(root, 'seeds', 'iraq-sectarianism.txt'), 'utf8').replace(/\r\n?/g, '\n');
  const [title, ...rest] = text.split(/\n\s*\n/);
  return { title: title.trim(), paragraphs: rest.map((p) => p.trim()).filter(Boolean) };
}

/** A title, a blank line, then paragraphs separated by blank lines until the text reaches `bytes`. */
export function articleText(root, bytes) {
  const seed = seedParagraphs(root);
  const parts = [`${seed.title} (long read)`];
  let size = Buffer.byteLength(parts[0]) + 2;
  for (let copy = 0; size < bytes; copy++) {
    for (let i = 0; i < seed.paragraphs.length && size < bytes; i++) {
      const paragraph = seed.paragraphs[(i + copy) % seed.paragraphs.length].replace(/\d+/g, (n) => String(Number(n) + copy));
      parts.push(paragraph);
      size += Buffer.byteLength(paragraph) + 2;
    }
  }
  return parts.join('\n\n') + '\n';
}
