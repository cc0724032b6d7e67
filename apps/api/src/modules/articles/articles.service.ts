import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  readingRole,
  DomainError,
  ERROR_CODES,
  openDisputes,
  type ArticleDetail,
  type ArticleListItem,
  type OpenDispute,
  type ArgumentNode,
  type ImportArticleInput,
} from '@agora/shared';
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { ArticleTree } from '../article-tree/article-tree';
import { ArticleTrees } from '../article-tree/article-trees';
import { toArgumentNode } from '../nodes/node.mapper';
import { NodesRepository, type ListingScope } from '../nodes/nodes.repository';
import { VotesRepository } from '../votes/votes.repository';
import { buildArticleNodes } from './article-nodes';
import { ArticleCountersRepository } from './article-counters.repository';
import { toArticleDetail, toArticleSummary } from './article.mapper';
import { ArticlesRepository } from './articles.repository';
import { splitForImport } from './split-import';

export interface ImportResult {
  article: ArticleDetail;
  created: boolean;
}

const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;

export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'article'
  );
}

/** First screens kept serialized: as many as the trees kept in memory. */
const SCREENS_KEPT = 32;

/** A first screen as every reader sees it, serialized once per state of the article and its tree. */
interface SerializedScreen {
  state: string;
  /** The JSON, encoded: a big debate's is about a megabyte, sent as it is to each reader. */
  body: Buffer;
  /** Its validator, worked out once rather than hashed again from the whole body on every answer. */
  etag: string;
  /** The ids of the nodes it shows, whose votes by a signed-in reader are added to it. */
  shown: string[];
}

/** A first screen's answer: its bytes and their validator (`ETag`). */
export interface FirstScreenBody {
  body: Buffer;
  etag: string;
}

const weakTag = (...parts: (string | Buffer)[]): string => {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return `W/"${hash.digest('base64url')}"`;
};

/**
 * Articles whose disputes a listing works out, the most recently active first: half the trees kept
 * in memory, so that listing the home page never pushes out the trees being read and written.
 */
export const DISPUTES_LISTED_ARTICLES = 16;

export function listingScope(viewer: RequestUser | null): ListingScope {
  const role = viewer ? readingRole(viewer) : null;
  return { everything: role === 'moderator' || role === 'admin', authorId: viewer?.id ?? null };
}

@Injectable()
export class ArticlesService {
  private readonly logger = new Logger(ArticlesService.name);
  /** Per article: the first screen as JSON, for the state of the article and its tree it was built from. */
  private readonly screens = new Map<string, SerializedScreen>();
  /** Per article: its disputes, for the version of its tree they were worked out from. */
  private readonly disputes = new Map<string, { tree: ArticleTree; version: number; disputes: OpenDispute[] }>();

  constructor(
    private readonly articles: ArticlesRepository,
    private readonly nodes: NodesRepository,
    private readonly trees: ArticleTrees,
    private readonly votes: VotesRepository,
    private readonly counters: ArticleCountersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Latest activity first; reply counts from each article's counters. The disputes of the most recently
   * active articles come from their trees (read once, then kept current); the rest are null.
   */
  async list(): Promise<{ items: ArticleListItem[] }> {
    const articles = await this.articles.list();
    const counters = await this.counters.findMany(articles.map((a) => String(a._id)));
    const summaries = articles.map((a) => toArticleSummary(a, counters.get(String(a._id)) ?? null));
    summaries.sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : a.lastActivityAt > b.lastActivityAt ? -1 : 0));
    const items = await Promise.all(
      // A locked article takes no more replies or votes: nothing in it is open.
      summaries.map(async (a, i) => ({ ...a, disputes: i >= DISPUTES_LISTED_ARTICLES ? null : a.locked ? [] : await this.disputesOf(a.id) })),
    );
    return { items };
  }

  /** The article's strongest open disputes, worked out again only when its tree changed. */
  private async disputesOf(id: string): Promise<OpenDispute[]> {
    const tree = await this.trees.tree(id);
    const held = this.disputes.get(id);
    if (held?.tree === tree && held.version === tree.version) return held.disputes;
    const disputes = openDisputes(tree.all());
    this.disputes.delete(id);
    this.disputes.set(id, { tree, version: tree.version, disputes });
    if (this.disputes.size > SCREENS_KEPT) this.disputes.delete(this.disputes.keys().next().value!);
    return disputes;
  }

  /** The first screen: the article, each paragraph's claim figures and strongest replies, and the reader's own votes on them. */
  async get(id: string, viewer: RequestUser | null = null): Promise<ArticleDetail> {
    return JSON.parse((await this.firstScreen(id, viewer)).body.toString('utf8')) as ArticleDetail;
  }

  /**
   * The first screen as JSON. What every reader sees alike is serialized once per state of the article
   * and its tree (a big debate's is about a megabyte, and most loads find it unchanged); a signed-in
   * reader's own votes on what it shows are added to it.
   */
  async firstScreen(id: string, viewer: RequestUser | null): Promise<FirstScreenBody> {
    const article = await this.articles.findById(id);
    if (!article) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    const tree = await this.trees.tree(id);
    const state = `${article.revision ?? 0}:${tree.version}:${Number(!!article.locked)}:${article.title}`;
    let screen = this.screens.get(id);
    if (screen?.state !== state) {
      const detail = toArticleDetail(article, tree);
      const body = Buffer.from(JSON.stringify(detail), 'utf8');
      screen = { state, body, etag: weakTag(body), shown: detail.paragraphs.flatMap((p) => [...(p.nodeId ? [p.nodeId] : []), ...(p.topReplies ?? []).map((r) => r.id)]) };
      this.screens.delete(id);
      this.screens.set(id, screen);
      if (this.screens.size > SCREENS_KEPT) this.screens.delete(this.screens.keys().next().value!);
    }
    if (!viewer) return { body: screen.body, etag: screen.etag };
    const mine = JSON.stringify(await this.votes.findMine(screen.shown, viewer.id));
    // The shared screen's last byte is its closing brace: the reader's votes go in before it.
    return { body: Buffer.concat([screen.body.subarray(0, -1), Buffer.from(`,"myVotes":${mine}}`, 'utf8')]), etag: weakTag(screen.etag, mine) };
  }

  /** Every node of the article the viewer may see: the public ones from its tree, the others (moderators, authors) from the database. */
  async tree(id: string, viewer: RequestUser | null): Promise<{ items: ArgumentNode[] }> {
    if (!(await this.articles.findSummaryById(id))) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    const [tree, others] = await Promise.all([this.trees.tree(id), this.nodes.findNonPublic({ articleId: id }, listingScope(viewer))]);
    return { items: [...tree.all(), ...others.map((n) => toArgumentNode(n, viewer, tree.figuresFor({ id: String(n._id), votes: n.votes })))] };
  }

  /**
   * Imports an article unless the same text is already there (a unique index on its hash settles races
   * between instances). The article stays 'importing', invisible to readers, until all its nodes exist.
   */
  async import(input: ImportArticleInput): Promise<ImportResult> {
    const source = input.text;
    const { split, metadata } = splitForImport(input, this.config);
    const hash = createHash('sha256').update(source).digest('hex');
    const existing = await this.articles.findByHash(hash);
    if (existing?.state === 'ready') return { article: await this.get(String(existing._id)), created: false };
    if (existing) await this.discardBrokenImport(existing._id);

    const articleId = new Types.ObjectId();
    const now = new Date();
    const { root, claims, all, sentenceNodeIds } = buildArticleNodes(articleId, split, now);
    const paragraphs = split.paragraphs.map((p, i) => ({ ...p, nodeId: String(claims[i]._id) }));
    for (const p of paragraphs) for (const s of p.sentences) s.nodeId = sentenceNodeIds[p.index][s.index];
    const slug = `${slugify(split.title)}-${hash.slice(0, 8)}`;
    try {
      await this.articles.insert(
        {
          _id: articleId,
          title: split.title || 'Untitled article',
          slug,
          hash,
          rootNodeId: root._id,
          metadata,
          state: 'importing',
          locked: false,
          paragraphCount: paragraphs.length,
          nodeCount: all.length,
          createdAt: now,
        },
        { source, paragraphs },
      );
    } catch (error) {
      // The text went in first; without its article it is only a leftover.
      await this.articles.deleteById(articleId).catch(() => undefined);
      if (!isDuplicateKey(error)) throw error;
      // Another instance is importing the same text at this moment: theirs wins.
      const winner = await this.articles.findByHash(hash);
      if (winner?.state === 'ready') return { article: await this.get(String(winner._id)), created: false };
      throw new DomainError(ERROR_CODES.ARTICLE_INVALID, 'This article is being imported right now; try again shortly.');
    }
    await this.nodes.insertMany(all);
    await this.articles.update(articleId, { $set: { state: 'ready' } });
    this.logger.log(`Imported "${split.title}": ${paragraphs.length} paragraphs, ${all.length} nodes`);
    return { article: await this.get(String(articleId)), created: true };
  }

  private async discardBrokenImport(id: Types.ObjectId): Promise<void> {
    this.logger.warn(`Discarding an unfinished import of article ${String(id)}`);
    await this.nodes.deleteByArticle(id);
    await this.articles.deleteById(id);
    this.trees.forget(String(id));
  }
}
