/** What an Argdown document says, as @argdown/core's model gives it (read in apps/api's Argdown reader). */
export interface ArgdownModel {
  /** The first heading, if any. */
  title: string | null;
  /** In the order they first appear. */
  statements: { title: string; text: string }[];
  /** Between statements only; `from` supports or attacks `to`. */
  relations: { from: string; to: string; relation: 'support' | 'attack' }[];
  errors: string[];
}

/** One argument of a debate read from Argdown, parents before children. */
export interface ImportedArgument {
  key: string;
  /** Null for the thesis. */
  parentKey: string | null;
  relation: 'supports' | 'attacks' | null;
  text: string;
  depth: number;
}

/**
 * An Argdown document's statements as a debate tree: each statement beneath the first statement it
 * supports or attacks, the first statement that argues for or against nothing as the thesis, and any
 * other such statement (or one caught in a cycle) beneath the thesis as a support. Statements without
 * text take their title. Pure.
 */
export function debateFromArgdown(model: ArgdownModel): ImportedArgument[] {
  const known = new Set(model.statements.map((s) => s.title));
  const parentOf = new Map<string, { to: string; relation: 'supports' | 'attacks' }>();
  for (const r of model.relations) {
    if (!known.has(r.from) || !known.has(r.to) || r.from === r.to || parentOf.has(r.from)) continue;
    parentOf.set(r.from, { to: r.to, relation: r.relation === 'attack' ? 'attacks' : 'supports' });
  }
  // A statement whose chain of parents comes back to it loses its parent: the cycle is broken there.
  for (const s of model.statements) {
    const seen = new Set<string>([s.title]);
    for (let at = parentOf.get(s.title)?.to; at !== undefined; at = parentOf.get(at)?.to) {
      if (seen.has(at)) {
        parentOf.delete(s.title);
        break;
      }
      seen.add(at);
    }
  }
  const roots = model.statements.filter((s) => !parentOf.has(s.title));
  if (roots.length === 0) return [];
  const thesis = roots[0].title;
  for (const r of roots.slice(1)) parentOf.set(r.title, { to: thesis, relation: 'supports' });
  const children = new Map<string, string[]>();
  for (const s of model.statements) {
    const parent = parentOf.get(s.title);
    if (parent) children.set(parent.to, [...(children.get(parent.to) ?? []), s.title]);
  }
  const text = new Map(model.statements.map((s) => [s.title, s.text.trim() || s.title]));
  const out: ImportedArgument[] = [];
  const stack: { key: string; depth: number }[] = [{ key: thesis, depth: 0 }];
  while (stack.length) {
    const { key, depth } = stack.pop()!;
    const parent = parentOf.get(key);
    out.push({ key, parentKey: parent?.to ?? null, relation: parent?.relation ?? null, text: text.get(key)!, depth });
    for (const child of [...(children.get(key) ?? [])].reverse()) stack.push({ key: child, depth: depth + 1 });
  }
  return out;
}
