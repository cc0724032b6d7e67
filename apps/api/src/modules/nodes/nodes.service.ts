import { Inject, Injectable } from '@nestjs/common';
import {
  assertCanWrite,
  assertMay,
  DomainError,
  ERROR_CODES,
  isModerator,
  isPublic,
  locateQuote,
  NODE_HISTORY_KEPT,
  preModerationReason,
  readableVersions,
  repeatsSibling,
  slowModeWait,
  type Anchor,
  type ArgumentNode,
  type ChildrenQuery,
  type NodeHistory,
  type Page,
  type ParagraphReplyInput,
  type ReplyType,
  type StrengthBreakdown,
} from '@agora/shared';
import { Types } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ArticleTrees } from '../article-tree/article-trees';
import { ArticlesRepository } from '../articles/articles.repository';
import { listingScope } from '../articles/articles.service';
import { nodeSubject } from '../audit/audit-subject';
import { AuditRepository } from '../audit/audit.repository';
import { LivePublisher } from '../live/live-publisher';
import { NotificationsService } from '../notifications/notifications.service';
import { situationOf, toArgumentNode, type Viewer } from './node.mapper';
import type { NodeRecord } from './node.model';
import { newReply } from './new-node';
import { NodesRepository } from './nodes.repository';
import { PerspectivesService } from '../perspectives/perspectives.service';
import { sortChildren } from './sort-children';
import { toStrengthBreakdown } from './strength-breakdown';

/**
 * The viewer live events are mapped for: they carry full text and the live layer redacts them per
 * reader, so the publisher must not redact first.
 */
const EVENT_VIEWER: Viewer = { id: '', role: 'admin' };

/**
 * The node's earlier texts with the one being replaced: set in the same update that replaces it, which
 * applies only to the version read (every change of the history moves it). Only the last
 * NODE_HISTORY_KEPT are kept, so that a node edited over and over stays a small document.
 */
const withVersionKept = (node: Pick<NodeRecord, 'text' | 'editedAt' | 'createdAt' | 'status' | 'history'>): NodeRecord['history'] =>
  [...(node.history ?? []), { text: node.text, editedAt: node.editedAt ?? node.createdAt, status: node.status }].slice(-NODE_HISTORY_KEPT);

/** What a reply needs of its parent: its place in the tree and what the rules look at. */
type ReplyParent = Pick<NodeRecord, '_id' | 'articleId' | 'ancestors' | 'depth' | 'paragraphIndex' | 'status' | 'authorId' | 'locked' | 'type' | 'withdrawn'>;

@Injectable()
export class NodesService {
  constructor(
    private readonly nodes: NodesRepository,
    private readonly trees: ArticleTrees,
    private readonly articles: ArticlesRepository,
    private readonly audit: AuditRepository,
    private readonly live: LivePublisher,
    private readonly perspectives: PerspectivesService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A node the viewer may know exists; others are 404 as if absent. */
  async getVisible(id: string, viewer: RequestUser | null): Promise<NodeRecord> {
    return this.ensureVisible(await this.nodes.findById(id), viewer);
  }

  /** The node if the viewer may know it exists (moderators: any; authors: their own); else 404 as if absent. */
  ensureVisible<T extends Pick<NodeRecord, 'status' | 'authorId'>>(node: T | null, viewer: RequestUser | null): T {
    if (!node) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    if (!isPublic(node.status)) {
      const scope = listingScope(viewer);
      const own = scope.authorId !== null && node.authorId !== null && String(node.authorId) === scope.authorId;
      if (!scope.everything && !own) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such node.');
    }
    return node;
  }

  async get(id: string, viewer: RequestUser | null): Promise<ArgumentNode> {
    return this.trees.view(await this.getVisible(id, viewer), viewer);
  }

  /** A node as the viewer sees it, with its figures. */
  view(node: NodeRecord, viewer: Viewer): Promise<ArgumentNode> {
    return this.trees.view(node, viewer);
  }

  /**
   * A page of a node's children: the public ones from the article's tree, with those the viewer may
   * see besides (moderators: all; authors: their own pending and hidden) read from the database.
   */
  async children(id: string, query: ChildrenQuery, viewer: RequestUser | null): Promise<Page<ArgumentNode>> {
    const parent = await this.getVisible(id, viewer);
    const tree = await this.trees.tree(String(parent.articleId));
    const others = await this.nodes.findNonPublic({ parentId: id }, listingScope(viewer));
    const bridging = query.sort === 'bridging' ? await this.perspectives.bridging(String(parent.articleId)) : undefined;
    const all = sortChildren([...tree.childrenOf(id), ...others.map((n) => toArgumentNode(n, viewer, tree.figuresFor({ id: String(n._id), votes: n.votes })))], query.sort, bridging);
    const offset = query.cursor ? Number(query.cursor) : 0;
    const more = all.length > offset + query.limit;
    return { items: all.slice(offset, offset + query.limit), nextCursor: more ? String(offset + query.limit) : null };
  }

  /** The figures behind a node's strength, in points that add up to it, for a reader to follow. */
  async strengthBreakdown(id: string, viewer: RequestUser | null): Promise<StrengthBreakdown> {
    const node = await this.getVisible(id, viewer);
    const tree = await this.trees.tree(String(node.articleId));
    // The totals the tree computed the strength from, so the parts add up to the strength it serves.
    const votes = tree.get(id)?.votes ?? node.votes;
    return toStrengthBreakdown(id, votes, tree.figuresFor({ id, votes }), tree.childrenOf(id));
  }

  async replyToParagraph(articleId: string, index: number, input: ParagraphReplyInput, actor: RequestUser): Promise<ArgumentNode> {
    assertCanWrite(actor);
    const [article, paragraphs] = await Promise.all([this.articles.findWriteRules(articleId, actor.factsSince), this.articles.findParagraphs(articleId)]);
    if (!article || !paragraphs) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    const paragraph = paragraphs.find((p) => p.index === index);
    if (!paragraph) throw new DomainError(ERROR_CODES.NOT_FOUND, `The article has no paragraph ${index}.`);
    const claim = paragraph.nodeId ? await this.findParent(paragraph.nodeId) : await this.nodes.findParagraphClaim(articleId, index);
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
    const parent = this.ensureVisible(await this.findParent(parentId), actor);
    const article = await this.articles.findWriteRules(parent.articleId, actor.factsSince);
    if (!article) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such article.');
    return this.createReply(parent, type, text, null, actor, !!article.locked);
  }

  /** A reply's parent: as the article's tree in memory holds it when it is public there, else as stored. */
  private async findParent(id: string): Promise<ReplyParent | null> {
    const held = this.trees.findPublic(id);
    if (!held) return this.nodes.findById(id);
    return {
      _id: new Types.ObjectId(held.id),
      articleId: new Types.ObjectId(held.articleId),
      ancestors: held.ancestors.map((a) => new Types.ObjectId(a)),
      depth: held.depth,
      paragraphIndex: held.paragraphIndex,
      status: held.status,
      authorId: held.authorId ? new Types.ObjectId(held.authorId) : null,
      locked: held.locked,
      type: held.type,
      withdrawn: held.withdrawn,
    };
  }

  /**
   * Stores a reply. A published one takes the article's next seq first and is announced under it, so
   * that should this process die between the two, every instance sees the seq skipped and reads the
   * article's tree afresh (see LiveDelivery): nothing else is written, as its parent's figures follow
   * from the tree.
   */
  private async createReply(parent: ReplyParent, type: ReplyType, text: string, anchor: Anchor | null, actor: RequestUser, articleLocked: boolean): Promise<ArgumentNode> {
    const rules = await this.nodes.pathRules(parent, actor.factsSince);
    assertMay('reply', actor, { node: situationOf(parent), articleLocked, threadLocked: !articleLocked && rules.locked });
    await this.assertSlowModeAllows(rules.slowed, actor);
    // Read from the article's tree in memory: a double submission costs no query. Pending posts are not
    // in it, and two identical posts racing on two instances may both pass: this guards against
    // repeats, not against abuse (rate limits do that).
    const siblings = (await this.trees.tree(String(parent.articleId))).childNodes(String(parent._id));
    if (repeatsSibling(siblings, actor.id, text, Date.now())) throw new DomainError(ERROR_CODES.DUPLICATE, 'You already posted this here: edit that post instead of posting it again.');
    const pendingReason = await this.preModeration(text, actor);
    const reply = newReply(parent, {
      type,
      text,
      authorId: new Types.ObjectId(actor.id),
      authorName: actor.username,
      anchor,
      status: pendingReason ? 'pending' : 'visible',
    });
    const articleId = String(reply.articleId);
    if (pendingReason) {
      const node = await this.nodes.insert(reply);
      await this.audit.record({
        action: 'auto-pending', actorId: null, actorName: null, ...nodeSubject(node),
        reason: `Pre-moderation: ${pendingReason}`, before: null, after: { status: 'pending' },
      });
      return this.view(node, actor);
    }
    const seq = await this.live.reserveSeq(articleId, { replies: 1, activityAt: reply.createdAt });
    const node = await this.nodes.insert(reply);
    this.trees.put(node);
    const view = await this.view(node, EVENT_VIEWER);
    await this.live.nodeCreated(articleId, view, seq);
    // Told after the answer is on its way: a notification is never a reply's delay or failure.
    void this.notifications.replied(parent, node);
    return this.view(node, actor);
  }

  /**
   * Tells every instance and reader of a node's change, as now stored (moderation, edits, withdrawals);
   * `wasPublic`: whether it was public before, so that the article's reply count follows.
   */
  async announceChange(node: NodeRecord, wasPublic = isPublic(node.status)): Promise<void> {
    this.trees.put(node);
    const replies = node.origin === 'user' ? Number(isPublic(node.status)) - Number(wasPublic) : 0;
    await this.live.nodeUpdated(String(node.articleId), await this.view(node, EVENT_VIEWER), replies ? { replies } : undefined);
  }

  /**
   * An edit passes the pre-moderation phases a new post passes: a public post edited into something
   * that must wait for review (ten links, a banned word) goes back to pending, out of public view.
   */
  async edit(id: string, text: string, actor: RequestUser): Promise<ArgumentNode> {
    assertCanWrite(actor);
    const node = this.ensureVisible(await this.nodes.findWithHistory(id), actor);
    assertMay('edit', actor, { node: situationOf(node), articleLocked: false, threadLocked: await this.nodes.isLockedPath(node, actor.factsSince) });
    const pendingReason = await this.preModeration(text, actor);
    const status = pendingReason && node.status === 'visible' ? 'pending' : node.status;
    const updated = await this.nodes.updateIfVersion(node._id, node.version, {
      $set: { text, editedAt: new Date(), status, history: withVersionKept(node) },
      $inc: { version: 1 },
    });
    if (!updated) throw new DomainError(ERROR_CODES.VALIDATION, 'The node changed while you edited it; reload and try again.');
    const wasPublic = isPublic(node.status);
    if (status !== node.status) {
      await this.audit.record({
        action: 'auto-pending', actorId: null, actorName: null, ...nodeSubject(updated),
        reason: `Pre-moderation of an edit: ${pendingReason}`, before: { status: node.status }, after: { status },
      });
    }
    if (wasPublic || isPublic(updated.status)) await this.announceChange(updated, wasPublic);
    return this.view(updated, actor);
  }

  /** The node's earlier texts the viewer may read (see readableVersions). */
  async history(id: string, viewer: RequestUser | null): Promise<NodeHistory> {
    const node = this.ensureVisible(await this.nodes.findHistory(id), viewer);
    const authorId = node.authorId ? String(node.authorId) : null;
    return {
      nodeId: String(node._id),
      editedAt: node.editedAt ? new Date(node.editedAt).toISOString() : null,
      versions: readableVersions(viewer, { authorId, withdrawn: !!node.withdrawn }, (node.history ?? []).map((h) => ({ text: h.text, writtenAt: h.editedAt, status: h.status }))),
    };
  }

  /** In a slowed thread (the parent or any node above it), a reader waits between replies; moderators do not. */
  private async assertSlowModeAllows(slowed: { _id: Types.ObjectId; slowModeSeconds: number }[], actor: RequestUser): Promise<void> {
    if (isModerator(actor)) return;
    for (const thread of slowed) {
      const wait = slowModeWait(await this.nodes.lastReplyBeneath(thread._id, actor.id), thread.slowModeSeconds);
      if (wait > 0) throw new DomainError(ERROR_CODES.RATE_LIMITED, `This thread is in slow mode: you may reply again in ${wait} s.`, { retryAfter: wait });
    }
  }

  /** Why a text by `actor` must wait for review, or null (see preModerationReason). */
  private async preModeration(text: string, actor: RequestUser): Promise<string | null> {
    const newAccountPosts = this.config.NEW_ACCOUNT_PREMODERATION;
    const authorPostCount = newAccountPosts > 0 ? await this.nodes.countUserPosts(actor.id) : Number.MAX_SAFE_INTEGER;
    return preModerationReason({ text, authorPostCount }, { bannedWords: this.config.BANNED_WORDS, maxLinks: this.config.MAX_LINKS, newAccountPosts });
  }

  async withdraw(id: string, actor: RequestUser): Promise<ArgumentNode> {
    assertCanWrite(actor);
    const node = this.ensureVisible(await this.nodes.findWithHistory(id), actor);
    assertMay('withdraw', actor, { node: situationOf(node), articleLocked: false, threadLocked: false });
    if (node.withdrawn) return this.view(node, actor);
    const updated = await this.nodes.updateIfVersion(node._id, node.version, {
      $set: { withdrawn: true, editedAt: new Date(), history: withVersionKept(node) },
      $inc: { version: 1 },
    });
    if (!updated) throw new DomainError(ERROR_CODES.VALIDATION, 'The node changed while you withdrew it; reload and try again.');
    if (isPublic(updated.status)) await this.announceChange(updated);
    return this.view(updated, actor);
  }
}
