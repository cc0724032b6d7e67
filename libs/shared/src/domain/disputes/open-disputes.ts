import type { NodeType } from '../../contracts/rest/nodes.schema';
import { excerpt } from '../text/excerpt';

/** What the dispute rule reads of a node: its place, its kind and its derived figures. */
export interface DisputeNode {
  id: string;
  parentId: string | null;
  type: NodeType;
  text: string;
  strength: number;
  rated: boolean;
  locked: boolean;
  withdrawn: boolean;
  paragraphIndex: number | null;
  /** A paragraph claim's stance toward the thesis: one "against" attacks it. */
  stance?: 'for' | 'against' | null;
}

/** A node whose rated replies pull both ways, with about equal force. */
export interface OpenDispute {
  nodeId: string;
  /** The node's opening words. */
  excerpt: string;
  paragraphIndex: number | null;
  /** The summed strength of its rated supporting replies, and of its rated attacking ones. */
  support: number;
  attack: number;
  /** How strongly and evenly it is contested: the weaker side's total (see openDisputes). */
  score: number;
}

/** Disputes the home page shows per article. */
export const DISPUTES_LISTED = 3;

const attacks = (child: Pick<DisputeNode, 'type' | 'stance'>): boolean => child.type === 'rebuttal' || (child.type === 'claim' && child.stance === 'against');

/**
 * The most strongly and evenly contested open nodes: for each node not locked nor withdrawn, the
 * strengths of its rated supporting replies and of its rated attacking replies are summed, and the
 * node scores the smaller sum. A node only attacked (or only supported) scores 0 and is no dispute;
 * among equally contested nodes, a bigger total (more said on both sides) comes first. Unrated
 * replies are left out: their strength is only where every node starts.
 */
export function openDisputes(nodes: Iterable<DisputeNode>, limit = DISPUTES_LISTED): OpenDispute[] {
  const byId = new Map<string, DisputeNode>();
  for (const n of nodes) byId.set(n.id, n);
  const sums = new Map<string, { support: number; attack: number }>();
  for (const child of byId.values()) {
    if (child.parentId === null || !child.rated || child.withdrawn || !byId.has(child.parentId)) continue;
    const sum = sums.get(child.parentId) ?? { support: 0, attack: 0 };
    if (attacks(child)) sum.attack += child.strength;
    else sum.support += child.strength;
    sums.set(child.parentId, sum);
  }
  const disputes: OpenDispute[] = [];
  for (const [id, { support, attack }] of sums) {
    const node = byId.get(id)!;
    const score = Math.min(support, attack);
    if (score <= 0 || node.locked || node.withdrawn) continue;
    disputes.push({ nodeId: id, excerpt: excerpt(node.text, 140), paragraphIndex: node.paragraphIndex, support, attack, score });
  }
  disputes.sort((a, b) => b.score - a.score || b.support + b.attack - (a.support + a.attack) || (a.nodeId < b.nodeId ? -1 : 1));
  return disputes.slice(0, limit);
}
