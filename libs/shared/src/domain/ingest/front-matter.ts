import { JSON_SCHEMA, load } from 'js-yaml';
import type { ArticleMetadata } from '../../contracts/rest/articles.schema';

export interface FrontMatter {
  metadata: ArticleMetadata;
  /** A `title` given in the front matter, else null. */
  title: string | null;
  /** How many lines the front matter took, fences included (0 when there is none). */
  lines: number;
}

export const NO_METADATA: ArticleMetadata = { sourceUrl: null, author: null, publishedAt: null, licence: null };

/** A front matter longer than this is not one: a text that opens with a rule and much later has another. */
const MAX_LINES = 60;
const MAX_FIELD = 300;
/** The names publishers and static-site generators use for each field, in order of preference. */
const KEYS: Record<keyof ArticleMetadata | 'title', readonly string[]> = {
  title: ['title', 'headline'],
  sourceUrl: ['source_url', 'sourceurl', 'source', 'url', 'canonical_url', 'canonical', 'link', 'original'],
  author: ['author', 'authors', 'by', 'byline', 'creator', 'writer'],
  publishedAt: ['published_at', 'publishedat', 'published', 'publication_date', 'date_published', 'datepublished', 'pubdate', 'date'],
  licence: ['licence', 'license', 'rights', 'copyright'],
};

/**
 * Reads a YAML front matter (`---` lines around `key: value` pairs) at the very start of the lines.
 * Only a block that parses to a mapping counts, so a text that merely opens with a rule keeps it.
 * Values that do not fit a field (an address that is not http(s), a date that is no date) are dropped.
 */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { metadata: NO_METADATA, title: null, lines: 0 };
  if (lines[0]?.trim() !== '---') return none;
  let end = 1;
  while (end < Math.min(lines.length, MAX_LINES) && !/^(?:---|\.\.\.)\s*$/.test(lines[end])) end += 1;
  if (end >= Math.min(lines.length, MAX_LINES)) return none;
  let data: unknown;
  try {
    // The JSON schema keeps dates and the like as the strings they are written as.
    data = load(lines.slice(1, end).join('\n'), { schema: JSON_SCHEMA });
  } catch {
    return none;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return none;
  const fields = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase().replace(/[\s-]/g, '_'), value]));
  const pick = (field: keyof typeof KEYS): string | null => {
    for (const key of KEYS[field]) {
      const text = asText(fields.get(key));
      if (text !== null) return text;
    }
    return null;
  };
  return {
    metadata: { sourceUrl: httpUrl(pick('sourceUrl')), author: pick('author'), publishedAt: isoDate(pick('publishedAt')), licence: pick('licence') },
    title: pick('title'),
    lines: end + 1,
  };
}

/** A scalar, or a list of names ("authors: [A, B]"), as one line of text. */
function asText(value: unknown): string | null {
  if (Array.isArray(value)) return asText(value.map(asText).filter((v) => v !== null).join(', '));
  if (typeof value === 'object' && value !== null && 'name' in value) return asText((value as { name: unknown }).name);
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, MAX_FIELD);
}

export function httpUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "2014-06-20" stays a date; anything with a time becomes UTC; what Date cannot read is dropped. */
export function isoDate(value: string | null): string | null {
  if (value === null) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
