import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { NotificationKind, ReasonCode } from '@agora/shared';
import { Types, type QueryFilter, type Model } from 'mongoose';
import { NotificationDoc, type NotificationRecord } from './notification.model';

const DUPLICATE_KEY = 11000;
const oid = (id: string | Types.ObjectId): Types.ObjectId => (typeof id === 'string' ? new Types.ObjectId(id) : id);

export interface NewNotification {
  userId: string | Types.ObjectId;
  kind: NotificationKind;
  nodeId: string | Types.ObjectId;
  articleId: string | Types.ObjectId;
  actorName: string | null;
  text?: string;
  reasonCode?: ReasonCode | null;
  /** Distinguishes several notifications of one kind about one node (moderation decisions over time). */
  occasion?: string;
}

/** The id that makes a notification's write idempotent (see NotificationDoc). */
export const notificationId = (n: Pick<NewNotification, 'kind' | 'userId' | 'nodeId' | 'occasion'>): string =>
  [n.kind, String(n.userId), String(n.nodeId), ...(n.occasion ? [n.occasion] : [])].join(':');

/** Cursor: the last item's time and id, newest first. */
const encodeCursor = (d: NotificationRecord): string => `${new Date(d.createdAt).getTime()}_${d._id}`;
function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const m = cursor ? /^(\d{1,15})_(.{1,80})$/.exec(cursor) : null;
  return m ? { at: new Date(Number(m[1])), id: m[2] } : null;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectModel(NotificationDoc.name) private readonly notifications: Model<NotificationDoc>) {}

  /** Stores a notification once; a second write of the same one (a retry) is a no-op and returns null. */
  async insert(n: NewNotification): Promise<NotificationRecord | null> {
    const doc: NotificationRecord = {
      _id: notificationId(n),
      userId: oid(n.userId),
      kind: n.kind,
      nodeId: oid(n.nodeId),
      articleId: oid(n.articleId),
      actorName: n.actorName,
      text: n.text ?? '',
      ...(n.reasonCode ? { reasonCode: n.reasonCode } : {}),
      count: 0,
      read: false,
      createdAt: new Date(),
    };
    try {
      await this.notifications.collection.insertOne(doc as never);
      return doc;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return null;
      throw error;
    }
  }

  /**
   * Adds `count` new ratings to the summary of a node's votes for its author: one write by _id. Marking
   * it read moved its count aside (markRead), so the count here says how many came since.
   */
  addVotes(userId: string, nodeId: string, articleId: string, count: number): Promise<NotificationRecord | null> {
    const _id = notificationId({ kind: 'votes', userId, nodeId });
    return this.notifications
      .findOneAndUpdate(
        { _id },
        { $inc: { count }, $set: { createdAt: new Date(), read: false }, $setOnInsert: { userId: oid(userId), kind: 'votes', nodeId: oid(nodeId), articleId: oid(articleId), actorName: null, text: '' } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<NotificationRecord>()
      .exec();
  }

  /** A reader's notifications, newest first. */
  async page(userId: string, cursor: string | undefined, limit: number): Promise<{ items: NotificationRecord[]; nextCursor: string | null }> {
    const after = decodeCursor(cursor);
    const filter: QueryFilter<NotificationDoc> = { userId: oid(userId) };
    if (after) filter.$or = [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }];
    const docs = await this.notifications.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit + 1).lean<NotificationRecord[]>().exec();
    const items = docs.slice(0, limit);
    return { items, nextCursor: docs.length > limit ? encodeCursor(items[items.length - 1]) : null };
  }

  countUnread(userId: string): Promise<number> {
    return this.notifications.countDocuments({ userId: oid(userId), read: false }).exec();
  }

  /**
   * Marks the reader's own notifications read: ids of someone else's are ignored. A votes summary's
   * count moves to readCount, so the next rating starts it over without a second write (addVotes).
   */
  async markRead(userId: string, ids: string[] | 'all'): Promise<void> {
    const filter: QueryFilter<NotificationDoc> = { userId: oid(userId), read: false };
    if (ids !== 'all') filter._id = { $in: ids };
    await this.notifications.updateMany(filter, { $set: { read: true }, $rename: { count: 'readCount' } }).exec();
  }
}
