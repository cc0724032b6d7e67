import { emptyVotes, nodeStrength, type VoteTotals } from '@agora/shared';
import { childrenMap, replyCountsOf } from './children';
import type { NodeRecord } from './node.model';

/** What an audit reads of each node. */
export type AuditedNode = Pick<NodeRecord, '_id' | 'parentId' | 'articleId' | 'status' | 'type' | 'origin' | 'strength' | 'votes' | 'replyCounts' | 'children'>;

/** Nodes whose stored figures disagree with their sources, by what must be recomputed. */
export interface StaleFigures {
  /** Vote totals differ from the votes. */
  votes: string[];
  /** Children, reply counts or strength differ from the public children and the votes. */
  children: string[];
  /** Articles whose reply count differs from their public replies. */
  articles: string[];
}

const EPSILON = 1e-9;
const sameTotals = (a: VoteTotals, b: VoteTotals): boolean =>
  a.count === b.count && a.sum === b.sum && (['1', '2', '3', '4', '5'] as const).every((k) => (a.histogram?.[k] ?? 0) === (b.histogram?.[k] ?? 0));

/**
 * Compares every stored derived figure with what its sources say, over a snapshot of all nodes, the
 * vote totals recounted from the votes, and each article's stored reply count. Pure, so that a
 * start-up audit and its tests share one definition of "stale".
 */
export function findStaleFigures(nodes: readonly AuditedNode[], tallies: ReadonlyMap<string, VoteTotals>, articleReplyCounts: ReadonlyMap<string, number>): StaleFigures {
  const publicChildren = new Map<string, AuditedNode[]>();
  const publicReplies = new Map<string, number>();
  for (const n of nodes) {
    if (n.status !== 'visible') continue;
    if (n.origin === 'user') publicReplies.set(String(n.articleId), (publicReplies.get(String(n.articleId)) ?? 0) + 1);
    if (!n.parentId) continue;
    const siblings = publicChildren.get(String(n.parentId)) ?? [];
    siblings.push(n);
    publicChildren.set(String(n.parentId), siblings);
  }
  const stale: StaleFigures = { votes: [], children: [], articles: [] };
  for (const n of nodes) {
    const id = String(n._id);
    const tally = tallies.get(id) ?? emptyVotes();
    if (!sameTotals(n.votes as VoteTotals, tally)) stale.votes.push(id);
    const kids = publicChildren.get(id) ?? [];
    if (!childrenAgree(n, kids) || Math.abs(nodeStrength(tally, kids).strength - n.strength) > EPSILON) stale.children.push(id);
  }
  for (const [articleId, stored] of articleReplyCounts) if ((publicReplies.get(articleId) ?? 0) !== stored) stale.articles.push(articleId);
  return stale;
}

function childrenAgree(node: AuditedNode, kids: readonly AuditedNode[]): boolean {
  const replies = replyCountsOf(childrenMap(kids));
  if (node.replyCounts.support !== replies.support || node.replyCounts.rebuttal !== replies.rebuttal) return false;
  // A node stored before children maps existed has none: it is rebuilt at its next change, not stale.
  if (!node.children) return true;
  const entries = node.children;
  if (entries.size !== kids.length) return false;
  return kids.every((k) => {
    const entry = entries.get(String(k._id));
    return entry !== undefined && entry.type === k.type && entry.origin === k.origin && Math.abs(entry.strength - k.strength) <= EPSILON;
  });
}
