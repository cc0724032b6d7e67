import { articleFigures, emptyVotes, type ArgumentNode, type VoteTotals } from '@agora/shared';
import { objectId, storedVotes, tallyByNode, type Db } from './direct-db';
import { call } from './http-call';

const TOLERANCE = 1e-9;
const sameTotals = (a: VoteTotals, b: VoteTotals): boolean =>
  a.count === b.count && a.sum === b.sum && (['1', '2', '3', '4', '5'] as const).every((k) => (a.histogram[k] ?? 0) === (b.histogram[k] ?? 0));

interface StoredNode {
  _id: unknown;
  parentId: unknown;
  type: 'claim' | 'support' | 'rebuttal';
  origin: 'article' | 'user';
  authorId?: unknown;
  status: string;
  votes: VoteTotals;
  stance?: 'for' | 'against' | null;
}

/**
 * The article's stored vote totals checked against its votes, and (given an API's address) the
 * figures it serves, strength and reply counts of every public node, against a recomputation from
 * the stored nodes and votes (articleFigures). Returns one line per disagreement; none means exact.
 */
export async function derivedMismatches(db: Db, articleId: string, baseUrl?: string): Promise<string[]> {
  const nodes = (await db.collection('nodes').find({ articleId: objectId(articleId) }).toArray()) as unknown as StoredNode[];
  const tallies = tallyByNode(await storedVotes(db, { articleId: objectId(articleId) }));
  const problems: string[] = [];
  for (const n of nodes) {
    const tally = tallies.get(String(n._id)) ?? emptyVotes();
    if (!sameTotals(n.votes, tally)) problems.push(`${String(n._id)} votes ${JSON.stringify(n.votes)} but the votes say ${JSON.stringify(tally)}`);
  }
  if (!baseUrl) return problems;
  const expected = articleFigures(
    nodes.filter((n) => n.status === 'visible').map((n) => ({ id: String(n._id), parentId: n.parentId ? String(n.parentId) : null, type: n.type, origin: n.origin, authorId: n.authorId ? String(n.authorId) : null, stance: n.stance ?? null, votes: tallies.get(String(n._id)) ?? emptyVotes() })),
  );
  const served = ((await call<{ items: ArgumentNode[] }>(baseUrl, 'GET', `/api/articles/${articleId}/tree`)).body as { items: ArgumentNode[] }).items;
  for (const node of served) {
    const want = expected.get(node.id);
    if (!want) problems.push(`${node.id} is served but not public`);
    else if (Math.abs(want.strength - node.strength) > TOLERANCE || want.rated !== node.rated || want.replyCounts.support !== node.replyCounts.support || want.replyCounts.rebuttal !== node.replyCounts.rebuttal)
      problems.push(`${node.id} served strength ${node.strength} (rated: ${node.rated}) and ${JSON.stringify(node.replyCounts)}, recomputed ${want.strength} (rated: ${want.rated}) and ${JSON.stringify(want.replyCounts)}`);
  }
  if (served.length !== expected.size) problems.push(`${served.length} nodes served, ${expected.size} public`);
  return problems;
}
