import type { ArgumentNode } from '../../contracts/rest/nodes.schema';
import type { DebateExport, ExportedNode } from '../../contracts/rest/exchange.schema';
import { attacks, weighs } from '../strength/node-strength';

/**
 * A debate for export from the article and its public nodes (as any reader sees them), parents
 * before children and siblings oldest first; withdrawn arguments are left out with what hangs beneath.
 */
export function debateExport(article: DebateExport['article'], nodes: readonly ArgumentNode[], exportedAt: string): DebateExport {
  const byParent = new Map<string | null, ArgumentNode[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    if (n.withdrawn || !n.text) continue;
    const parent = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(n);
    byParent.set(parent, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const out: ExportedNode[] = [];
  const stack = [...(byParent.get(null) ?? [])].reverse().map((n) => ({ n, root: true }));
  while (stack.length) {
    const { n, root } = stack.pop()!;
    out.push({
      id: n.id,
      parentId: root ? null : n.parentId,
      type: n.type,
      relation: root ? null : !weighs(n) ? 'comments' : attacks(n) ? 'attacks' : 'supports',
      origin: n.origin,
      text: n.text,
      authorName: n.origin === 'user' ? n.authorName : null,
      paragraphIndex: n.paragraphIndex,
      anchor: n.anchor,
      votes: { count: n.votes.count, sum: n.votes.sum },
      strength: n.strength,
      rated: n.rated,
      createdAt: n.createdAt,
    });
    for (const child of [...(byParent.get(n.id) ?? [])].reverse()) stack.push({ n: child, root: false });
  }
  return { format: 'agora-debate', version: 1, exportedAt, article, nodes: out };
}
