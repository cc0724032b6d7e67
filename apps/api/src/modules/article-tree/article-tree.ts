import { articleFigures, childFigures, figuresOf, noReplies, REPLY_TYPES, type ArgumentNode, type NodeFigures, type StrengthFigure, type VoteTotals } from '@agora/shared';

/** A public node as the tree keeps it: as every reader sees it (its figures aside). */
export type TreeNode = ArgumentNode;


/**
 * One article's public nodes and every node's derived figures (strength, reply counts), computed from
 * the nodes' vote totals and the tree's shape (see articleFigures). Kept current by applying what the
 * article's events say, in any order: a node's fields follow its highest `version`, its totals their
 * highest `votesVersion`, so applying an event twice or late changes nothing.
 */
export class ArticleTree {
  private readonly nodes = new Map<string, TreeNode>();
  private readonly children = new Map<string, Set<string>>();
  private readonly figures: Map<string, NodeFigures>;
  /** Grows with every change the tree takes: what is built from it can be kept while it stays put. */
  private changes = 0;

  constructor(nodes: readonly TreeNode[]) {
    for (const node of nodes) this.link(node);
    this.figures = articleFigures(this.nodes.values());
  }

  get size(): number {
    return this.nodes.size;
  }

  get version(): number {
    return this.changes;
  }

  get(id: string): TreeNode | undefined {
    return this.nodes.get(id);
  }

  /** The node as readers see it, figures included. */
  view(id: string): ArgumentNode | undefined {
    const node = this.nodes.get(id);
    return node && this.withFigures(node);
  }

  /** A node's figures: from the tree when it is public, else from its own votes and its public children. */
  figuresFor(node: { id: string; votes: Pick<VoteTotals, 'count' | 'sum'> }): NodeFigures {
    return this.figures.get(node.id) ?? figuresOf(node.votes, this.childFigures(node.id));
  }

  /** Readers' public replies in the article. */
  replyCount(): number {
    let count = 0;
    for (const n of this.nodes.values()) if (n.origin === 'user') count++;
    return count;
  }

  /** When the newest public reply was posted, if any. */
  lastReplyAt(): string | null {
    let latest: string | null = null;
    for (const n of this.nodes.values()) if (n.origin === 'user' && (latest === null || n.createdAt > latest)) latest = n.createdAt;
    return latest;
  }

  /** The node's public children as readers see them. */
  childrenOf(id: string): ArgumentNode[] {
    return [...(this.children.get(id) ?? [])].map((c) => this.withFigures(this.nodes.get(c)!));
  }

  /** The node's public children as stored, without figures (cheap: for rules that read their fields). */
  childNodes(id: string): TreeNode[] {
    return [...(this.children.get(id) ?? [])].map((c) => this.nodes.get(c)!);
  }

  /** Every public node as readers see it. */
  all(): ArgumentNode[] {
    return [...this.nodes.values()].map((n) => this.withFigures(n));
  }

  /** The strengths from a node up to the root, for readers to follow a change beneath them. */
  pathStrengths(id: string): StrengthFigure[] {
    const out: StrengthFigure[] = [];
    for (let cur = this.nodes.get(id); cur; cur = cur.parentId ? this.nodes.get(cur.parentId) : undefined) {
      const { strength, rated } = this.figures.get(cur.id)!;
      out.push({ nodeId: cur.id, strength, rated });
    }
    return out;
  }

  /**
   * Applies a node as it now is: added or replaced while public, removed when not. An older version
   * than the one held changes nothing but newer vote totals. Returns whether the tree changed.
   */
  put(node: TreeNode): boolean {
    const held = this.nodes.get(node.id);
    if (held && node.version < held.version) return this.setVotes(node.id, node.votes, node.votesVersion);
    const votes = held && held.votesVersion > node.votesVersion ? { votes: held.votes, votesVersion: held.votesVersion } : {};
    if (node.status !== 'visible') {
      if (!held) return false;
      this.unlink(held);
      this.settleFrom(held.parentId);
      this.changes++;
      return true;
    }
    const next = { ...node, ...votes };
    if (held) this.nodes.set(node.id, next);
    else this.link(next);
    this.settleFrom(node.id);
    this.changes++;
    return true;
  }

  /** New vote totals for a node, unless those held are newer. Returns whether they were taken. */
  setVotes(id: string, votes: VoteTotals, votesVersion: number): boolean {
    const held = this.nodes.get(id);
    if (!held || votesVersion <= held.votesVersion) return false;
    this.nodes.set(id, { ...held, votes, votesVersion });
    this.settleFrom(id);
    this.changes++;
    return true;
  }

  private withFigures(node: TreeNode): ArgumentNode {
    const figures = this.figures.get(node.id);
    return { ...node, strength: figures?.strength ?? 0.5, rated: figures?.rated ?? false, replyCounts: figures ? { ...figures.replyCounts } : noReplies() };
  }

  private childFigures(id: string) {
    return [...(this.children.get(id) ?? [])].map((c) => {
      const child = this.nodes.get(c)!;
      return childFigures(child, this.figures.get(c) ?? { strength: 0.5, rated: child.votes.count > 0 });
    });
  }

  private link(node: TreeNode): void {
    this.nodes.set(node.id, node);
    if (node.parentId === null) return;
    const siblings = this.children.get(node.parentId);
    if (siblings) siblings.add(node.id);
    else this.children.set(node.parentId, new Set([node.id]));
  }

  private unlink(node: TreeNode): void {
    this.nodes.delete(node.id);
    this.figures.delete(node.id);
    if (node.parentId !== null) this.children.get(node.parentId)?.delete(node.id);
  }

  /**
   * Recomputes a node's figures and its ancestors' while they move: each costs its children's number.
   * The node `id` itself changed (its votes, its fields), and its parent's figures depend on those too
   * (a child pulls with the evidence of its votes), so its parent is always recomputed; above it, the
   * walk stops at the first node whose figures stay put.
   */
  private settleFrom(id: string | null): void {
    let first = true;
    for (let cur = id === null ? undefined : this.nodes.get(id); cur; cur = cur.parentId ? this.nodes.get(cur.parentId) : undefined) {
      const before = this.figures.get(cur.id);
      const after = figuresOf(cur.votes, this.childFigures(cur.id));
      this.figures.set(cur.id, after);
      const same = before && before.strength === after.strength && before.rated === after.rated && REPLY_TYPES.every((t) => before.replyCounts[t] === after.replyCounts[t]);
      if (same && !first) return;
      first = false;
    }
  }
}
