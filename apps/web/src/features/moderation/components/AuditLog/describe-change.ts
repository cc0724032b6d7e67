type Fields = Record<string, unknown> | null;

const show = (v: unknown): string => (v === null || v === undefined ? 'none' : typeof v === 'string' ? v : JSON.stringify(v));

/** What an audited action changed, in brief: "status: visible → hidden; flagCount: 3 → 0". */
export function describeChange(before: Fields, after: Fields): string {
  if (!after) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    const was = before?.[key];
    if (show(was) !== show(value)) parts.push(before && key in before ? `${key}: ${show(was)} → ${show(value)}` : `${key}: ${show(value)}`);
  }
  return parts.join('; ');
}
