import { Inject, Injectable } from '@nestjs/common';
import {
  assertCanWrite,
  DomainError,
  ERROR_CODES,
  isPublic,
  locateQuote,
  preModerationReason,
  type Anchor,
  type ArgumentNode,
  type ChildrenQuery,
  type Page,
  type ParagraphReplyInput,
  type ReplyType,
  type StrengthBreakdown,
} from '@agora/shared';
import { Types } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ArticlesRepository } from '../articles/articles.repository';
import { listingScope } from '../articles/articles.service';
import { AuditRepository } from '../audit/audit.repository';
import { LivePublisher, type CurrentNode } from '../live/live-publisher';
import { toArgumentNode, type Viewer } from './node.mapper';
import type { NodeRecord } from './node.model';
import { newReply } from './new-node';
import { NodesRepository } from './nodes.repository';
import { StrengthService } from './strength.service';

@Injectable()
export class NodesService {
  constructor(
    private readonly nodes: NodesRepository,
    private readonly articles: ArticlesRepository,
    private readonly strength: StrengthService,
    private readonly audit: AuditRepository,
    private readonly live: LivePublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A node the viewer may know exists; others are 404 as if absent. */
  async getVisible(id: string, viewer: RequestUser | null): Promise<NodeRecord> {
    return this.ensureVisible(await this.nodes.findById(id), viewer);
  }

  /** The node if the viewer may know it exists (moderators: any; authors: their own); else 404 as if absent. */
  ensureVisible(node: NodeRecord | null, viewer: RequestUser | null): NodeRecord {
    if (!node) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    if (!isPublic(node.status)) {
      const scope = listingScope(viewer);
      const own = scope.authorId !== null && node.authorId !== null && String(node.authorId) === scope.authorId;
      if (!scope.everything && !own) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    }
    return node;
  }

  /** Reads the node as `viewer` sees it, for a node:updated (see LivePublisher.nodeUpdated). */
  liveView(id: Types.ObjectId, viewer: Viewer): () => Promise<CurrentNode | null> {
    return async () => {
      const node = await this.nodes.findById(id);
      return node && { node: toArgumentNode(node, viewer), version: node.figuresVersion ?? 0 };
    };
  }

  async get(id: string, viewer: RequestUser | null): Promise<ArgumentNode> {
    return toArgumentNode(await this.getVisible(id, viewer), viewer);
  }

  async children(id: string, query: ChildrenQuery, viewer: RequestUser | null): Promise<Page<ArgumentNode>> {
    await this.getVisible(id, viewer);
    const docs = await this.nodes.findChildren(id, query, listingScope(viewer));
    const offset = query.cursor ? Number(query.cursor) : 0;
    const more = docs.length > query.limit;
    return { items: docs.slice(0, query.limit).map((n) => toArgumentNode(n, viewer)), nextCursor: more ? String(offset + query.limit) : null };
  }

  async strengthBreakdown(id: string, viewer: RequestUser | null): Promise<StrengthBreakdown> {
    return this.strength.breakdown(await this.getVisible(id, viewer));
  }

  async replyToParagraph(articleId: string, index: number, input: ParagraphReplyInput, actor: RequestUser): Promise<ArgumentNode> {
    assertCanWrite(actor);
    const [article, paragraphs] = await Promise.all([this.articles.findWriteRules(articleId), this.articles.findParagraphs(articleId)]);
    if (!article || !paragraphs) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    const paragraph = paragraphs.find((p) => p.index === index);
    if (!paragraph) throw new DomainError(ERROR_CODES.NOT_FOUND, `The article has no paragraph ${index}.`);
    const claim = paragraph.nodeId ? await this.nodes.findCurrent(paragraph.nodeId) : await this.nodes.findParagraphClaim(articleId, index);
    if (!claim) throw new DomainError(ERROR_CODES.NOT_FOUND, `The article has no paragraph ${index}.`);
    let anchor: Anchor | null = null;
    if (input.quote) {
      anchor = locateQuote(paragraph.text, input.quote);
      if (!anchor) throw new DomainError(ERROR_CODES.QUOTE_NOT_FOUND, 'The quoted passage is not in that paragraph.');
    }
    return this.createReply(claim, input.type, input.text, anchor, actor, !!article.locked);
  }

  async replyToNode(parentId: string, type: ReplyType, text: string, actor: RequestUser): Promise<ArgumentNode> {
    assertCanWrite(actor);
    const parent = await this.getVisible(parentId, actor);
    const article = await this.articles.findWriteRules(parent.articleId);
    if (!article) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    return this.createReply(parent, type, text, null, actor, !!article.locked);
  }

  private async createReply(parent: NodeRecord, type: ReplyType, text: string, anchor: Anchor | null, actor: RequestUser, articleLocked: boolean): Promise<ArgumentNode> {
    if (articleLocked) throw new DomainError(ERROR_CODES.LOCKED, 'This article is locked: no new replies or votes.');
    if (await this.nodes.isLockedPath(parent)) throw new DomainError(ERROR_CODES.LOCKED, 'This thread is locked: no new replies or votes.');
    const newAccountPosts = this.config.NEW_ACCOUNT_PREMODERATION;
    const authorPostCount = newAccountPosts > 0 ? await this.nodes.countUserPosts(actor.id) : Number.MAX_SAFE_INTEGER;
    const pendingReason = preModerationReason(
      { text, authorPostCount },
      { bannedWords: this.config.BANNED_WORDS, maxLinks: this.config.MAX_LINKS, newAccountPosts: this.config.NEW_ACCOUNT_PREMODERATION },
    );
    const reply = newReply(parent, {
      type,
      text,
      authorId: new Types.ObjectId(actor.id),
      authorName: actor.username,
      anchor,
      status: pendingReason ? 'pending' : 'visible',
    });
    if (pendingReason) {
      const node = await this.nodes.insert(reply);
      await this.audit.record({
        action: 'auto-pending', actorId: null, actorName: null, targetType: 'node', targetId: node._id, subjectUserId: actor.id,
        reason: `Pre-moderation: ${pendingReason}`, before: null, after: { status: 'pending' },
      });
      return toArgumentNode(node, actor);
    }
    const { node, changes } = await this.strength.addReply(parent, () => this.nodes.insert(reply));
    const articleId = String(node.articleId);
    await this.strength.publishChanges(articleId, changes);
    await this.live.nodeCreated(articleId, toArgumentNode(node, null));
    return toArgumentNode(node, actor);
  }

  /** Before a node enters or leaves public view: its parent is marked until afterPublicChange is done. */
  async beforePublicChange(node: NodeRecord): Promise<void> {
    if (node.parentId) await this.strength.expectChildrenChange(node.parentId);
  }

  /**
   * Bookkeeping when a node enters or leaves public view: its parent's children and reply counts, the
   * article's reply count, and strength up the ancestor path, recomputed from what is stored.
   */
  async afterPublicChange(node: NodeRecord): Promise<void> {
    if (!node.parentId) return;
    await this.strength.repairChildren(node.parentId, node.articleId);
  }

  async edit(id: string, text: string, actor: RequestUser): Promise<ArgumentNode> {
    assertCanWrite(actor);
    const node = await this.getVisible(id, actor);
    this.assertAuthor(node, actor);
    if (node.withdrawn) throw new DomainError(ERROR_CODES.WITHDRAWN, 'A withdrawn node cannot be edited.');
    if (await this.nodes.isLockedPath(node)) throw new DomainError(ERROR_CODES.LOCKED, 'This thread is locked: it cannot be edited.');
    const updated = await this.nodes.updateIfVersion(node._id, node.version, {
      $set: { text, editedAt: new Date() },
      $push: { history: { text: node.text, editedAt: node.editedAt ?? node.createdAt } },
      $inc: { version: 1 },
    });
    if (!updated) throw new DomainError(ERROR_CODES.VALIDATION, 'The node changed while you edited it; reload and try again.');
    if (isPublic(updated.status)) await this.live.nodeUpdated(String(updated.articleId), this.liveView(updated._id, null));
    return toArgumentNode(updated, actor);
  }

  async withdraw(id: string, actor: RequestUser): Promise<ArgumentNode> {
    assertCanWrite(actor);
    const node = await this.getVisible(id, actor);
    this.assertAuthor(node, actor);
    if (node.withdrawn) return toArgumentNode(node, actor);
    const updated = await this.nodes.update(node._id, {
      $set: { withdrawn: true, editedAt: new Date() },
      $push: { history: { text: node.text, editedAt: node.editedAt ?? node.createdAt } },
      $inc: { version: 1 },
    });
    if (!updated) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    if (isPublic(updated.status)) await this.live.nodeUpdated(String(updated.articleId), this.liveView(updated._id, null));
    return toArgumentNode(updated, actor);
  }

  private assertAuthor(node: NodeRecord, actor: RequestUser): void {
    if (!node.authorId || String(node.authorId) !== actor.id) throw new DomainError(ERROR_CODES.FORBIDDEN, 'Only its author may change this node.');
  }
}
