import { noReplies, type NodeType, type ReplyCounts, type VoteTotals } from '../../contracts/rest/nodes.schema';
import { nodeStrength, weighs, type ChildStrength } from './node-strength';

/** What a node's figures depend on: its own votes, its author and its place in the tree. */
export interface TreeNode {
  id: string;
  parentId: string | null;
  type: NodeType;
  origin: 'article' | 'user';
  authorId: string | null;
  votes: Pick<VoteTotals, 'count' | 'sum'>;
  /** A paragraph claim's stance toward the thesis (see attacks). */
  stance?: 'for' | 'against' | null;
}

/** A node's derived figures: never stored, always computed from the tree. */
export interface NodeFigures {
  strength: number;
  /** Whether anyone has rated the node or anything beneath it that weighs in it (comments do not): until then its strength is only the starting point. */
  rated: boolean;
  /** Readers' replies beneath it, by type (the article's own sentences are structure, not replies). */
  replyCounts: ReplyCounts;
}

/** What a child gives its parent's figures. */
export interface ChildFigures extends ChildStrength {
  rated: boolean;
}

/** One node's figures from its votes and its public children's figures. */
export function figuresOf(votes: Pick<VoteTotals, 'count' | 'sum'>, children: Iterable<ChildFigures>): NodeFigures {
  const list = [...children];
  const replyCounts = noReplies();
  let rated = votes.count > 0;
  for (const c of list) {
    if (c.origin === 'user' && c.type !== 'claim') replyCounts[c.type]++;
    if (weighs(c)) rated ||= c.rated;
  }
  return { strength: nodeStrength(votes, list).strength, rated, replyCounts };
}

/** A child's part in its parent's figures, from the child and its own figures. */
export function childFigures(node: Omit<TreeNode, 'id' | 'parentId'>, figures: Pick<NodeFigures, 'strength' | 'rated'>): ChildFigures {
  return { type: node.type, origin: node.origin, authorId: node.authorId, votes: node.votes, strength: figures.strength, rated: figures.rated, stance: node.stance ?? null };
}

/**
 * Every node's figures, children before parents, in time linear in the number of nodes. `nodes` are the
 * public nodes of one article (with the votes to count: everyone's, or one group's); a node whose
 * parent is not among them heads a subtree of its own.
 */
export function articleFigures(nodes: Iterable<TreeNode>): Map<string, NodeFigures> {
  const byId = new Map<string, TreeNode>();
  for (const n of nodes) byId.set(n.id, n);
  const children = new Map<string, TreeNode[]>();
  const heads: TreeNode[] = [];
  for (const n of byId.values()) {
    if (n.parentId !== null && byId.has(n.parentId)) {
      const list = children.get(n.parentId);
      if (list) list.push(n);
      else children.set(n.parentId, [n]);
    } else heads.push(n);
  }
  const figures = new Map<string, NodeFigures>();
  // Iterative post-order: a deep thread must not overflow the stack.
  const stack: { node: TreeNode; expanded: boolean }[] = heads.map((node) => ({ node, expanded: false }));
  while (stack.length) {
    const top = stack[stack.length - 1];
    const kids = children.get(top.node.id) ?? [];
    if (!top.expanded) {
      top.expanded = true;
      for (const kid of kids) stack.push({ node: kid, expanded: false });
      continue;
    }
    stack.pop();
    figures.set(top.node.id, figuresOf(top.node.votes, kids.map((k) => childFigures(k, figures.get(k.id)!))));
  }
  return figures;
}
