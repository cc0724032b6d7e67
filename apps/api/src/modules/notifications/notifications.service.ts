import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import {
  excerpt,
  isModerator,
  isPublic,
  mentionedUsernames,
  votesSummary,
  type MarkNotificationsReadInput,
  type AppealOutcome,
  type ModerationAction,
  type ReasonCode,
  type Notification,
  type NotificationPage,
  type NotificationsQuery,
} from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteBatch } from '../../infra/database/write-batch';
import { LivePublisher } from '../live/live-publisher';
import type { NodeRecord } from '../nodes/node.model';
import { NodesRepository } from '../nodes/nodes.repository';
import { UsersRepository } from '../users/users.repository';
import type { NotificationRecord } from './notification.model';
import { NotificationsRepository, type NewNotification } from './notifications.repository';

/** How long ratings gather before their authors' summaries move: one write per node voted on, not per vote. */
const VOTES_LINGER_MS = 3000;
const TEXT_EXCERPT = 200;
const ARGUMENT_EXCERPT = 80;

const DECISIONS: Record<ModerationAction, string> = {
  approve: 'was approved by a moderator and is now public',
  hide: 'was hidden by a moderator',
  remove: 'was removed by a moderator',
  restore: 'was restored by a moderator and is public again',
};

interface Rated {
  authorId: string;
  nodeId: string;
  articleId: string;
}

/**
 * What readers are told of their arguments: replies and mentions, ratings (summarised per argument),
 * and moderators' decisions with their reason. Stored, so they can be listed and marked read, and sent
 * at once to the reader's own sockets. Nothing here is on a write's critical path: a notification that
 * fails is logged, never the write's failure.
 */
@Injectable()
export class NotificationsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly ratings: WriteBatch<Rated>;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly nodes: NodesRepository,
    private readonly users: UsersRepository,
    private readonly live: LivePublisher,
  ) {
    this.ratings = new WriteBatch((rated) => this.writeRatings(rated), VOTES_LINGER_MS, (error, count) =>
      this.logger.warn(`${count} rating notification(s) lost: ${(error as Error).message}`),
    );
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.ratings.flush();
  }

  /** A public reply was posted under `parent`: its author is told, and everyone the reply mentions. */
  async replied(parent: Pick<NodeRecord, 'authorId'>, reply: NodeRecord): Promise<void> {
    await this.guard('reply', async () => {
      const actor = String(reply.authorId);
      const base = { nodeId: reply._id, articleId: reply.articleId, actorName: reply.authorName ?? null };
      const told = new Set([actor]);
      if (parent.authorId && !told.has(String(parent.authorId))) {
        told.add(String(parent.authorId));
        await this.send({ ...base, userId: parent.authorId, kind: 'reply' }, reply.text);
      }
      const mentioned = await this.users.findManyByUsernames(mentionedUsernames(reply.text));
      for (const user of mentioned) {
        if (told.has(String(user._id))) continue;
        told.add(String(user._id));
        await this.send({ ...base, userId: user._id, kind: 'mention' }, reply.text);
      }
    });
  }

  /** A reader rated someone's argument; summarised per argument (see VOTES_LINGER_MS). */
  rated(authorId: string | null, nodeId: string, articleId: string, voterId: string): void {
    if (authorId && authorId !== voterId) this.ratings.add({ authorId, nodeId, articleId });
  }

  /** A moderator (or the flag threshold, `actor` null) decided about a post: its author is told why. */
  async moderated(node: NodeRecord, action: ModerationAction, reason: string | null, actor: Pick<RequestUser, 'username'> | null, reasonCode: ReasonCode | null = null): Promise<void> {
    if (!node.authorId) return;
    await this.guard('moderation', async () => {
      const by = actor ? DECISIONS[action] : DECISIONS[action].replace('by a moderator', 'automatically after readers flagged it');
      const text = `Your argument “${excerpt(node.text, ARGUMENT_EXCERPT)}” ${by}.${reason ? ` Reason: ${reason}` : ''}`;
      await this.send({ userId: node.authorId!, kind: 'moderation', nodeId: node._id, articleId: node.articleId, actorName: actor?.username ?? null, text, reasonCode, occasion: String(Date.now()) }, text);
    });
  }

  /** The author hears how another moderator decided their appeal. */
  async appealDecided(node: NodeRecord, outcome: AppealOutcome, reason: string, actor: Pick<RequestUser, 'username'>): Promise<void> {
    if (!node.authorId) return;
    await this.guard('appeal', async () => {
      const how = outcome === 'overturn' ? 'was granted: the decision is overturned and your argument is public again' : 'was turned down: the decision stands';
      const text = `Your appeal about “${excerpt(node.text, ARGUMENT_EXCERPT)}” ${how}. Reason: ${reason}`;
      await this.send({ userId: node.authorId!, kind: 'moderation', nodeId: node._id, articleId: node.articleId, actorName: actor.username, text, occasion: `appeal-${Date.now()}` }, text);
    });
  }

  async page(user: RequestUser, query: NotificationsQuery): Promise<NotificationPage> {
    const [{ items, nextCursor }, unread] = await Promise.all([this.notifications.page(user.id, query.cursor, query.limit), this.notifications.countUnread(user.id)]);
    const nodes = new Map((await this.nodes.findManyByIds([...new Set(items.map((n) => String(n.nodeId)))])).map((n) => [String(n._id), n]));
    return { items: items.map((n) => this.toView(n, nodes.get(String(n.nodeId)) ?? null, user)), unread, nextCursor };
  }

  async markRead(user: RequestUser, input: MarkNotificationsReadInput): Promise<{ unread: number }> {
    await this.notifications.markRead(user.id, input.all ? 'all' : (input.ids ?? []));
    return { unread: await this.notifications.countUnread(user.id) };
  }

  /**
   * A notification as its reader sees it now: a reply's or mention's text only while that node is
   * public (or the reader moderates), so a hidden or removed post never shows here.
   */
  private toView(n: NotificationRecord, node: NodeRecord | null, viewer: RequestUser | null): Notification {
    let text = n.text;
    if (n.kind === 'reply' || n.kind === 'mention') text = node && !node.withdrawn && (isPublic(node.status) || isModerator(viewer)) ? excerpt(node.text, TEXT_EXCERPT) : '';
    if (n.kind === 'votes') text = votesSummary((n.read ? n.readCount : n.count) ?? n.count ?? 0, node ? excerpt(node.text, ARGUMENT_EXCERPT) : '…');
    return {
      id: n._id,
      kind: n.kind,
      nodeId: String(n.nodeId),
      articleId: String(n.articleId),
      actorName: n.actorName,
      text,
      ...(n.kind === 'moderation' ? { reasonCode: n.reasonCode ?? null } : {}),
      read: n.read,
      createdAt: new Date(n.createdAt).toISOString(),
    };
  }

  /** Stores a notification and sends it to its reader's sockets (`text`: what they are shown now). */
  private async send(n: NewNotification, text: string): Promise<void> {
    const stored = await this.notifications.insert(n);
    if (stored) this.live.toUser(String(n.userId), { ...this.toView(stored, null, null), text: n.kind === 'moderation' ? stored.text : excerpt(text, TEXT_EXCERPT) });
  }

  private async writeRatings(rated: Rated[]): Promise<void> {
    const byNode = new Map<string, Rated & { count: number }>();
    for (const r of rated) {
      const held = byNode.get(r.nodeId);
      if (held) held.count++;
      else byNode.set(r.nodeId, { ...r, count: 1 });
    }
    const nodes = new Map((await this.nodes.findManyByIds([...byNode.keys()])).map((n) => [String(n._id), n]));
    for (const r of byNode.values()) {
      const stored = await this.notifications.addVotes(r.authorId, r.nodeId, r.articleId, r.count);
      if (stored) this.live.toUser(r.authorId, this.toView(stored, nodes.get(r.nodeId) ?? null, null));
    }
  }

  private async guard(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(`${what} notification not sent: ${(error as Error).message}`);
    }
  }
}
