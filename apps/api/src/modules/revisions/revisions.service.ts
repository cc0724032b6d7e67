import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  assertCanWrite,
  assertModerator,
  DomainError,
  ERROR_CODES,
  locateQuote,
  type Anchor,
  type ArticleRevisionSummary,
  type ArticleRevisionText,
  type AttachOrphanInput,
  type OrphanView,
  type ReviseArticleInput,
  type RevisionResult,
} from '@agora/shared';
import { Types } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ArticleTrees } from '../article-tree/article-trees';
import type { ArticleRecord } from '../articles/article.model';
import { ArticlesRepository } from '../articles/articles.repository';
import { splitForImport } from '../articles/split-import';
import { AuditRepository } from '../audit/audit.repository';
import { LivePublisher } from '../live/live-publisher';
import { LiveService } from '../live/live.service';
import { NodesRepository } from '../nodes/nodes.repository';
import type { ArticleRevisionRecord } from './article-revision.model';
import { ArticleRevisionsRepository } from './article-revisions.repository';
import { planRevision } from './revision-plan';

const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;

/**
 * New versions of an article's text, and the nodes they leave without a place (orphans).
 *
 * MongoDB gives no multi-document transaction here, so a revision is written in an order that can be
 * finished from any point: (1) the version as imported is kept (once); (2) the new version is stored
 * whole, with every node change it makes, as 'applying' (a unique index lets only one moderator store
 * it); (3) the node changes are applied by id, each a single-document `$set` of absolute values, and the
 * new nodes inserted only if absent; (4) the article's text is replaced; (5) the article is flipped to
 * the new revision; (6) the version is marked 'applied' and every instance told. If the process dies
 * midway, the article still shows the old text (its revision unchanged) while some nodes may already
 * carry their new places; the next revision, orphan listing or attachment of that article finds the
 * 'applying' version and applies it again from (3), which changes nothing already done.
 */
@Injectable()
export class RevisionsService implements OnModuleInit {
  private readonly logger = new Logger(RevisionsService.name);

  constructor(
    private readonly articles: ArticlesRepository,
    private readonly revisions: ArticleRevisionsRepository,
    private readonly nodes: NodesRepository,
    private readonly trees: ArticleTrees,
    private readonly live: LivePublisher,
    private readonly liveEvents: LiveService,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Every instance receives the event and forgets the text it holds; its tree forgets itself (see ArticleTrees.apply).
    this.liveEvents.onEvent((event) => {
      if (event.name === 'article:revised') this.articles.forgetText(event.payload.articleId);
    });
  }

  async revise(articleId: string, input: ReviseArticleInput, actor: RequestUser): Promise<RevisionResult> {
    assertModerator(actor);
    assertCanWrite(actor);
    const { split, metadata } = splitForImport(input, this.config);
    let article = await this.readyArticle(articleId);
    if (await this.finishPending(article)) article = await this.readyArticle(articleId);
    const current = article.revision ?? 0;
    const stored = await this.articles.findStoredText(article._id);
    if (!stored) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    // (1) The version being replaced is kept, once (revision 0 is stored only now).
    await this.revisions.keep({
      articleId: article._id, revision: current, state: 'applied', title: article.title, source: stored.source, paragraphs: stored.paragraphs,
      createdAt: article.revisedAt ?? article.createdAt, authorId: null, updates: [], inserts: [], outcome: null,
    });
    const now = new Date();
    const revision = current + 1;
    const plan = planRevision({
      articleId: article._id, rootId: article.rootNodeId!, before: stored.paragraphs, after: split, nodes: await this.nodes.findForRevision(article._id), revision, now,
    });
    const doc: Omit<ArticleRevisionRecord, '_id'> = {
      articleId: article._id, revision, state: 'applying', title: split.title || article.title, source: input.text, paragraphs: plan.paragraphs, createdAt: now,
      authorId: new Types.ObjectId(actor.id), updates: plan.updates, inserts: plan.inserts,
      outcome: { unchanged: plan.unchanged, reanchored: plan.reanchored, orphaned: plan.orphaned, created: plan.inserts.length },
    };
    try {
      // (2)
      await this.revisions.insert(doc);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ERROR_CODES.REVISION_IN_PROGRESS, 'Another revision of this article is being made; reload it and try again.');
      throw error;
    }
    await this.apply(article, doc, { metadata });
    await this.audit.record({
      action: 'revise', actorId: actor.id, actorName: actor.username, targetType: 'article', targetId: article._id, subjectUserId: null, reason: null,
      before: { revision: current }, after: { revision, reanchored: plan.reanchored.length, orphaned: plan.orphaned.length },
    });
    this.logger.log(`Revised article ${articleId} to revision ${revision}: ${plan.unchanged.length} unchanged, ${plan.reanchored.length} re-anchored, ${plan.orphaned.length} orphaned, ${plan.inserts.length} new`);
    return {
      revision, revisedAt: now.toISOString(), unchanged: plan.unchanged.length, reanchored: plan.reanchored.length, orphaned: plan.orphaned.length,
      created: plan.inserts.length, reanchoredIds: plan.reanchored, orphanedIds: plan.orphaned,
    };
  }

  /** Steps (3) to (6): applied again from the start when a revision was cut short. */
  private async apply(article: ArticleRecord, doc: Omit<ArticleRevisionRecord, '_id'>, extra: { metadata?: ArticleRecord['metadata'] } = {}): Promise<void> {
    await this.nodes.applyRevision(doc.updates, doc.inserts);
    await this.articles.replaceText(article._id, { source: doc.source, paragraphs: doc.paragraphs, revision: doc.revision });
    await this.articles.update(article._id, {
      $set: {
        revision: doc.revision, revisedAt: doc.createdAt, title: doc.title, paragraphCount: doc.paragraphs.length, ...(extra.metadata ? { metadata: extra.metadata } : {}),
        nodeCount: (article.nodeCount ?? 0) + (doc.revision > (article.revision ?? 0) ? doc.inserts.length : 0),
      },
    });
    await this.revisions.markApplied(article._id, doc.revision);
    await this.announce(String(article._id), doc.revision, doc.createdAt);
  }

  /** Finishes a revision of the article that was stored but not applied to the end; true if there was one. */
  private async finishPending(article: ArticleRecord): Promise<boolean> {
    const pending = await this.revisions.findApplying(article._id);
    if (!pending) return false;
    this.logger.warn(`Finishing revision ${pending.revision} of article ${String(article._id)}, cut short before`);
    await this.apply(article, pending);
    return true;
  }

  private async announce(articleId: string, revision: number, at: Date): Promise<void> {
    this.articles.forgetText(articleId);
    this.trees.forget(articleId);
    await this.live.articleRevised(articleId, revision, at);
  }

  private async readyArticle(articleId: string): Promise<ArticleRecord> {
    const article = await this.articles.findSummaryById(articleId);
    if (!article?.rootNodeId) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    return article;
  }

  /** Every version of the article's text, oldest first; one (the current) until it is first revised. */
  async list(articleId: string): Promise<{ items: ArticleRevisionSummary[] }> {
    const article = await this.readyArticle(articleId);
    const current = article.revision ?? 0;
    const stored = (await this.revisions.list(article._id)).filter((r) => r.state === 'applied' || r.revision <= current);
    const items = stored.map((r) => ({ revision: r.revision, title: r.title, createdAt: new Date(r.createdAt).toISOString(), current: r.revision === current }));
    if (items.length === 0) items.push({ revision: 0, title: article.title, createdAt: new Date(article.createdAt).toISOString(), current: true });
    return { items };
  }

  /** One version's text. */
  async text(articleId: string, revision: number): Promise<ArticleRevisionText> {
    const article = await this.readyArticle(articleId);
    const current = article.revision ?? 0;
    if (revision > current) throw new DomainError(ERROR_CODES.NOT_FOUND, `The article has no revision ${revision}.`);
    const stored = await this.revisions.find(article._id, revision);
    if (stored) return toRevisionText(stored, current);
    // Never revised: revision 0 is the current text.
    const text = revision === current ? await this.articles.findStoredText(article._id) : null;
    if (!text) throw new DomainError(ERROR_CODES.NOT_FOUND, `The article has no revision ${revision}.`);
    return toRevisionText({ revision, title: article.title, createdAt: article.createdAt, source: text.source, paragraphs: text.paragraphs }, current);
  }

  /** The article's orphans as a moderator sees them (any status), oldest first. */
  async orphans(articleId: string, actor: RequestUser): Promise<{ items: OrphanView[] }> {
    assertModerator(actor);
    const article = await this.readyArticle(articleId);
    await this.finishPending(article);
    const orphans = await this.nodes.findOrphans(article._id);
    const items = await Promise.all(
      orphans.map(async (n) => ({ node: await this.trees.view(n, actor), quote: n.orphan!.exact, formerParagraphIndex: n.orphan!.paragraphIndex, revision: n.orphan!.revision })),
    );
    return { items };
  }

  /**
   * Attaches an orphan beneath a paragraph of the current text (optionally to a passage of it): it and
   * everything beneath it move there. Each node moves by one single-document update; should this stop
   * midway, the orphan still says it is one, and attaching it again moves what was not moved yet.
   */
  async attach(articleId: string, nodeId: string, input: AttachOrphanInput, actor: RequestUser): Promise<OrphanView['node']> {
    assertModerator(actor);
    assertCanWrite(actor);
    const article = await this.readyArticle(articleId);
    await this.finishPending(article);
    const node = await this.nodes.findById(nodeId);
    if (!node || String(node.articleId) !== String(article._id) || !node.orphan) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such orphan in this article.');
    const paragraphs = await this.articles.findParagraphs(article._id);
    const paragraph = paragraphs?.find((p) => p.index === input.paragraphIndex);
    if (!paragraph?.nodeId) throw new DomainError(ERROR_CODES.NOT_FOUND, `The article has no paragraph ${input.paragraphIndex}.`);
    if (paragraph.nodeId === nodeId) throw new DomainError(ERROR_CODES.VALIDATION, 'A node cannot be attached beneath itself.');
    let anchor: Anchor | null = null;
    if (input.quote) {
      anchor = locateQuote(paragraph.text, input.quote);
      if (!anchor) throw new DomainError(ERROR_CODES.QUOTE_NOT_FOUND, 'The quoted passage is not in that paragraph.');
    }
    const claimId = new Types.ObjectId(paragraph.nodeId);
    const ancestors = [article.rootNodeId!, claimId];
    // Descendants first: the orphan stays marked until all beneath it have moved.
    for (const d of await this.nodes.findDescendants(node._id)) {
      const below = d.ancestors.slice(d.ancestors.findIndex((a) => String(a) === nodeId));
      const moved = [...ancestors, ...below];
      await this.nodes.update(d._id, { $set: { ancestors: moved, depth: moved.length, paragraphIndex: input.paragraphIndex, version: (d.version ?? 1) + 1 } });
    }
    const attached = await this.nodes.update(node._id, {
      $set: { parentId: claimId, ancestors, depth: ancestors.length, paragraphIndex: input.paragraphIndex, anchor, orphan: null, sentenceIndex: null, version: (node.version ?? 1) + 1 },
    });
    if (!attached) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such orphan in this article.');
    await this.audit.record({
      action: 'attach-orphan', actorId: actor.id, actorName: actor.username, targetType: 'node', targetId: node._id, subjectUserId: null, reason: null,
      before: { orphan: node.orphan }, after: { paragraphIndex: input.paragraphIndex, anchor: anchor?.exact ?? null },
    });
    await this.announce(articleId, article.revision ?? 0, new Date());
    return this.trees.view(attached, actor);
  }
}

function toRevisionText(r: Pick<ArticleRevisionRecord, 'revision' | 'title' | 'createdAt' | 'source' | 'paragraphs'>, current: number): ArticleRevisionText {
  return {
    revision: r.revision, title: r.title, createdAt: new Date(r.createdAt).toISOString(), current: r.revision === current, text: r.source, paragraphs: r.paragraphs.map((p) => p.text),
  };
}
