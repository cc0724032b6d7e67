/** Orders plain records as a MongoDB sort specification does, for the fields it names (numbers, dates, booleans, ids). */
export function comparing(sort: Record<string, 1 | -1>): (a: object, b: object) => number {
  const value = (record: object, path: string): unknown => path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], record);
  const rank = (v: unknown): number | string => (v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : typeof v === 'number' ? v : v == null ? -Infinity : String(v));
  return (a, b) => {
    for (const [path, direction] of Object.entries(sort)) {
      const [x, y] = [rank(value(a, path)), rank(value(b, path))];
      if (x !== y) return (x < y ? -1 : 1) * direction;
    }
    return 0;
  };
}
