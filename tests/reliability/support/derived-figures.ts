import { emptyVotes, nodeStrength, type VoteTotals } from '@agora/shared';
import { objectId, storedVotes, tallyByNode, type Db } from './direct-db';

const TOLERANCE = 1e-9;
const sameTotals = (a: VoteTotals, b: VoteTotals): boolean =>
  a.count === b.count && a.sum === b.sum && (['1', '2', '3', '4', '5'] as const).every((k) => (a.histogram[k] ?? 0) === (b.histogram[k] ?? 0));

interface StoredNode {
  _id: unknown;
  parentId: unknown;
  type: 'claim' | 'support' | 'rebuttal';
  origin: 'article' | 'user';
  status: string;
  strength: number;
  votes: VoteTotals;
  replyCounts: { support: number; rebuttal: number };
  /** Packed as a JSON string; a nested map on nodes stored before packing. */
  children?: string | Record<string, ChildEntry>;
}

type ChildEntry = { type: string; strength: number; origin: string };
const unpacked = (children: StoredNode['children']): Record<string, ChildEntry> | undefined => (typeof children === 'string' ? (JSON.parse(children) as Record<string, ChildEntry>) : children);

/**
 * Every figure of the article that the API derives and stores, checked against what it is derived
 * from as stored: each node's vote totals against its votes, its reply counts, children entries and
 * strength against its public children, and the article's reply count against its public replies.
 * Returns one line per disagreement; none means the figures are exactly what a recomputation gives.
 */
export async function derivedMismatches(db: Db, articleId: string): Promise<string[]> {
  const nodes = (await db.collection('nodes').find({ articleId: objectId(articleId) }).toArray()) as unknown as StoredNode[];
  const tallies = tallyByNode(await storedVotes(db, { articleId: objectId(articleId) }));
  const publicChildren = new Map<string, StoredNode[]>();
  for (const n of nodes) {
    if (n.status !== 'visible' || !n.parentId) continue;
    const list = publicChildren.get(String(n.parentId)) ?? [];
    list.push(n);
    publicChildren.set(String(n.parentId), list);
  }
  const problems: string[] = [];
  for (const n of nodes) {
    const id = String(n._id);
    const tally = tallies.get(id) ?? emptyVotes();
    if (!sameTotals(n.votes, tally)) problems.push(`${id} votes ${JSON.stringify(n.votes)} but the votes say ${JSON.stringify(tally)}`);
    const kids = publicChildren.get(id) ?? [];
    const replies = { support: 0, rebuttal: 0 };
    for (const k of kids) if (k.origin === 'user' && (k.type === 'support' || k.type === 'rebuttal')) replies[k.type]++;
    if (n.replyCounts.support !== replies.support || n.replyCounts.rebuttal !== replies.rebuttal) problems.push(`${id} replyCounts ${JSON.stringify(n.replyCounts)} but it has ${JSON.stringify(replies)}`);
    const strength = nodeStrength(tally, kids.map((k) => ({ type: k.type, strength: k.strength, origin: k.origin }))).strength;
    if (Math.abs(strength - n.strength) > TOLERANCE) problems.push(`${id} strength ${n.strength} but its votes and children give ${strength}`);
    const children = unpacked(n.children);
    if (children) {
      const listed = Object.keys(children).sort().join();
      if (listed !== kids.map((k) => String(k._id)).sort().join()) problems.push(`${id} lists children ${listed} but its public children are ${kids.map((k) => String(k._id)).join()}`);
      for (const k of kids) {
        const entry = children[String(k._id)];
        if (entry && (entry.type !== k.type || Math.abs(entry.strength - k.strength) > TOLERANCE)) problems.push(`${id} keeps ${String(k._id)} at ${entry.strength}, stored ${k.strength}`);
      }
    }
  }
  const article = await db.collection('articles').findOne({ _id: objectId(articleId) });
  const replyCount = nodes.filter((n) => n.origin === 'user' && n.status === 'visible').length;
  if (article?.replyCount !== replyCount) problems.push(`article replyCount ${article?.replyCount} but it has ${replyCount} public replies`);
  return problems;
}
