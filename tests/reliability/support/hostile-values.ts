import fc from 'fast-check';

/** Lone surrogates become U+FFFD on the way to the server (UTF-8 cannot carry them): what it sees. */
export const wellFormed = (s: string): string => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Percent-encodes a path segment or query part the way a browser would, lone surrogates included. */
export const encodePart = (s: string): string => encodeURIComponent(wellFormed(s));

/** Text that trips parsers, normalisers and renderers: surrogates, direction marks, joiners, emoji, controls. */
export const unicodeEdge = fc.constantFrom(
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\u202Egnp.exe',
  '\u200F\u05D0\u05D1',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  'e\u0301',
  '\u2028\u2029',
  '\u{10FFFF}',
  '𝕏𝔸',
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\r\n\t',
);

/** Strings an attacker or a broken client sends where an id, a name or a keyword is expected. */
export const injectionText = fc.constantFrom(
  '$gt',
  '$where',
  '{"$gt":""}',
  '{"$where":"sleep(5000)"}',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'NaN',
  '-1',
  '1e309',
  '0x1F',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '%00',
  '\\u0000',
  '__proto__',
  'constructor',
);

/** Longer than any field allows (the largest, an article, is 2 MB; bodies over 3 MB are refused). */
export const hugeText = fc.integer({ min: 5_001, max: 250_000 }).map((n) => 'x'.repeat(n));

/** Long, but short enough for a URL: Node refuses request heads over 16 KB before the API sees them. */
export const longUrlText = fc.integer({ min: 201, max: 6_000 }).map((n) => 'x'.repeat(n));

const shortHostile = [
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  unicodeEdge,
  fc.tuple(fc.string({ maxLength: 10 }), unicodeEdge, fc.string({ maxLength: 10 })).map(([a, b, c]) => a + b + c),
  injectionText,
];

/** For bodies. */
export const hostileString = fc.oneof(...shortHostile, hugeText);

/** For path segments and query strings. */
export const hostileUrlText = fc.oneof(...shortHostile, longUrlText);

/** MongoDB query operators where a plain value belongs. */
export const operatorObject = fc.oneof(
  fc.constant({ $gt: '' }),
  fc.constant({ $ne: null }),
  fc.constant({ $where: 'sleep(5000) || true' }),
  fc.constant({ $regex: '.*' }),
  fc.constant({ $in: [] }),
  fc.constant({ $expr: { $eq: [1, 1] } }),
  fc.constant({ $function: { body: 'function() { return true }', args: [], lang: 'js' } }),
  fc.record({ $gt: fc.jsonValue({ maxDepth: 2 }) }),
);

/** A value nested hundreds of levels deep. */
export const deepValue = fc.integer({ min: 20, max: 1500 }).map((depth) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
});

/** Anything but what a field expects (the filter against the schema decides "but"). */
export const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  operatorObject,
  deepValue,
  hostileString,
);

export const unknownKey = fc.oneof(fc.constantFrom('$where', '$set', '__proto__', 'constructor', '_id', 'role', 'authorId', 'status', 'votes', 'admin'), fc.string({ maxLength: 12 }));

/** Sets an own property, even one called __proto__, as JSON.parse does on the server. */
export function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

export function withoutKey(base: Record<string, unknown>, key: string): Record<string, unknown> {
  const out = { ...base };
  delete out[key];
  return out;
}

/** Malformed or hostile path segments written raw: broken percent-encodings and overlong UTF-8. */
export const rawSegment = fc.constantFrom('%', '%zz', '%E0%A4%A', '%FF', '%C0%AF', '%ED%A0%80', '%2e%2e', '%00', '..', '.');
