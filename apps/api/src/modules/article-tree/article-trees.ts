import { Injectable, Logger } from '@nestjs/common';
import { noReplies, type ArgumentNode, type NodeFigures, type StoredLiveEvent, type VoteTotals } from '@agora/shared';
import { ArticleCountersRepository } from '../articles/article-counters.repository';
import { toArgumentNode } from '../nodes/node.mapper';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { ArticleTree, type TreeNode } from './article-tree';

/** Trees kept in memory: the articles most recently read or written. */
const CAPACITY = 32;

interface Entry {
  loading: Promise<ArticleTree>;
  tree: ArticleTree | null;
  /** Events that arrived while the tree was being read, applied once it is. */
  early: StoredLiveEvent[];
}

/** A stored node as the tree keeps it (public view: the tree holds public nodes only). */
export function treeNode(node: NodeRecord): TreeNode {
  return toArgumentNode(node, null, { strength: 0.5, rated: false, replyCounts: noReplies() });
}

/**
 * The read model of articles' argument trees: each article's public nodes and derived figures, read
 * once from the database and then kept current by the article's own events, which every instance
 * receives in seq order (see LiveDelivery). Writes made here are applied at once as well, so that
 * this instance's next read sees them; an event applied twice or late changes nothing (see ArticleTree).
 */
@Injectable()
export class ArticleTrees {
  private readonly logger = new Logger('ArticleTrees');
  /** By article id, most recently used last. */
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly nodes: NodesRepository,
    private readonly counters: ArticleCountersRepository,
  ) {}

  /** The article's tree, read from the database the first time. */
  tree(articleId: string): Promise<ArticleTree> {
    const held = this.entries.get(articleId);
    if (held) {
      this.entries.delete(articleId);
      this.entries.set(articleId, held);
      return held.loading;
    }
    const entry: Entry = { loading: Promise.resolve(null as unknown as ArticleTree), tree: null, early: [] };
    entry.loading = this.load(articleId, entry);
    this.entries.set(articleId, entry);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    return entry.loading;
  }

  private async load(articleId: string, entry: Entry): Promise<ArticleTree> {
    try {
      const counter = await this.counters.find(articleId);
      const tree = new ArticleTree((await this.nodes.findPublicOfArticle(articleId)).map(treeNode));
      // A reply or moderation decision cut short between its write and its event leaves the article's
      // reply count off: set it as counted now, unless an event came meanwhile (the next load will).
      if (counter && counter.replies !== tree.replyCount()) {
        const last = tree.lastReplyAt();
        await this.counters.repairReplies(articleId, counter.seq, tree.replyCount(), last ? new Date(last) : null);
      }
      for (const event of entry.early) applyTo(tree, event);
      entry.early = [];
      entry.tree = tree;
      return tree;
    } catch (error) {
      if (this.entries.get(articleId) === entry) this.entries.delete(articleId);
      throw error;
    }
  }

  /** The tree if it is in memory now, without reading it. */
  loaded(articleId: string): ArticleTree | null {
    return this.entries.get(articleId)?.tree ?? null;
  }

  /** A public node as a tree in memory holds it, if one does (a vote's rules are checked against it). */
  findPublic(nodeId: string): ArgumentNode | undefined {
    for (const entry of this.entries.values()) {
      const node = entry.tree?.get(nodeId);
      if (node) return node;
    }
    return undefined;
  }

  /** A node's figures as the article's tree gives them (public or not). */
  async figuresFor(node: Pick<NodeRecord, '_id' | 'articleId' | 'votes'>): Promise<NodeFigures> {
    return (await this.tree(String(node.articleId))).figuresFor({ id: String(node._id), votes: node.votes });
  }

  /** A stored node as the viewer may see it, with its figures. */
  async view(node: NodeRecord, viewer: Parameters<typeof toArgumentNode>[1]): Promise<ArgumentNode> {
    return toArgumentNode(node, viewer, await this.figuresFor(node));
  }

  /** A node's vote totals as a vote here left them: applied to the article's tree if it is in memory. */
  setVotes(articleId: string, nodeId: string, votes: VoteTotals, votesVersion: number): void {
    this.loaded(articleId)?.setVotes(nodeId, votes, votesVersion);
  }

  /** A node written here, as now stored: applied to the article's tree if it is in memory. */
  put(node: NodeRecord): void {
    this.loaded(String(node.articleId))?.put(treeNode(node));
  }

  /** Applies one of an article's events, as every instance does in seq order. */
  apply(event: StoredLiveEvent): void {
    // A revision moves and re-anchors nodes all over the tree: it is read afresh rather than patched.
    if (event.name === 'article:revised') return this.forget(event.payload.articleId);
    const entry = this.entries.get(event.payload.articleId);
    if (!entry) return;
    if (entry.tree) applyTo(entry.tree, event);
    else entry.early.push(event);
  }

  /** Forgets an article's tree, to be read afresh: an event of it was lost (its publisher died) or the article is gone. */
  forget(articleId: string): void {
    if (this.entries.delete(articleId)) this.logger.warn(`tree of article ${articleId} dropped, to be read again`);
  }
}

function applyTo(tree: ArticleTree, event: StoredLiveEvent): void {
  switch (event.name) {
    case 'node:created':
    case 'node:updated':
      tree.put(event.payload.node);
      return;
    case 'vote:changed':
      tree.setVotes(event.payload.nodeId, event.payload.votes, event.payload.votesVersion);
      return;
    case 'article:updated':
    case 'article:revised':
      return;
  }
}
