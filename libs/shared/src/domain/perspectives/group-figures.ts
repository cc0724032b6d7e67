import type { VoteTotals } from '../../contracts/rest/nodes.schema';
import { articleFigures, type TreeNode } from '../strength/article-figures';

type Totals = Pick<VoteTotals, 'count' | 'sum'>;
/** Each node's vote totals from each group's members alone: `[nodeId][groupId]`. */
export type GroupTotals = Record<string, Record<string, Totals>>;

/** A node's figures as one group sees it. */
export interface GroupNodeFigure {
  strength: number;
  /** Whether any node of its subtree has a vote from the group: unrated, its strength says nothing of the group. */
  rated: boolean;
}

export interface GroupFigures {
  nodes: Record<string, Record<string, GroupNodeFigure>>;
  /** Where the groups part: the spread (highest − lowest) of the strengths of the groups that rated the node. */
  disagreement: Record<string, number>;
}

const NO_VOTES: Totals = { count: 0, sum: 0 };

/**
 * Every node's strength as each group sees it: the article's own strength function over the tree's
 * shape, fed with the group's vote totals in place of everyone's.
 */
export function groupFigures(tree: readonly Omit<TreeNode, 'votes'>[], totals: GroupTotals, groupIds: readonly string[]): GroupFigures {
  const nodes: GroupFigures['nodes'] = {};
  for (const n of tree) nodes[n.id] = {};
  for (const g of groupIds) {
    const figures = articleFigures(tree.map((n) => ({ ...n, votes: totals[n.id]?.[g] ?? NO_VOTES })));
    for (const n of tree) {
      const { strength, rated } = figures.get(n.id)!;
      nodes[n.id][g] = { strength, rated };
    }
  }
  const disagreement: Record<string, number> = {};
  for (const [id, byGroup] of Object.entries(nodes)) {
    const strengths = Object.values(byGroup).filter((f) => f.rated).map((f) => f.strength);
    if (strengths.length >= 2) disagreement[id] = Math.max(...strengths) - Math.min(...strengths);
  }
  return { nodes, disagreement };
}

/**
 * How well a node stands across groups: the geometric mean of its strength as each group sees it, so
 * that a reply one group rejects cannot rise on another's praise alone. Without groups, its strength.
 */
export function bridgingScore(groupStrengths: readonly number[], everyone: number): number {
  if (groupStrengths.length === 0) return everyone;
  let logSum = 0;
  for (const s of groupStrengths) logSum += Math.log(Math.max(1e-6, s));
  return Math.exp(logSum / groupStrengths.length);
}

/** Each node's vote totals from each group's members alone; readers in no group count nowhere. */
export function groupTotals(votes: Iterable<{ userId: string; nodeId: string; value: number }>, members: Record<string, string>): GroupTotals {
  const totals: GroupTotals = {};
  for (const v of votes) {
    const group = members[v.userId];
    if (group === undefined) continue;
    const byGroup = (totals[v.nodeId] ??= {});
    const cell = (byGroup[group] ??= { count: 0, sum: 0 });
    cell.count++;
    cell.sum += v.value;
  }
  return totals;
}

/** A group's name for readers: its number as a letter (1 → A), for they are not ranked. */
export function groupLabel(id: string): string {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) return `Group ${id}`;
  let label = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) label = String.fromCharCode(65 + ((k - 1) % 26)) + label;
  return `Group ${label}`;
}
