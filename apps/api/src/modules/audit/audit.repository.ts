import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AuditAction, AuditEntry } from '@agora/shared';
import { Types, type QueryFilter, type Model } from 'mongoose';
import { AuditEntryDoc } from './audit.model';

type Id = string | Types.ObjectId;

export type NewAuditEntry = Omit<
  AuditEntryDoc,
  '_id' | 'createdAt' | 'actorId' | 'targetId' | 'subjectUserId' | 'subjectUserName' | 'articleId' | 'excerpt' | 'reasonCode'
> & {
  /** Given when the caller must know the entry's id before it is stored (a node's decision names it). */
  _id?: Types.ObjectId;
  actorId: string | null;
  targetId: Id;
  subjectUserId: Id | null;
  subjectUserName?: string | null;
  articleId?: Id | null;
  excerpt?: string | null;
  reasonCode?: AuditEntryDoc['reasonCode'];
};

/** What the log can be narrowed to; all optional. */
export interface AuditFilter {
  actorId?: string;
  userId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

const oidOrNull = (id: Id | null | undefined): Types.ObjectId | null => (id ? new Types.ObjectId(String(id)) : null);

const toEntry = (d: AuditEntryDoc): AuditEntry => ({
  id: String(d._id),
  action: d.action,
  actorId: d.actorId ? String(d.actorId) : null,
  actorName: d.actorName,
  targetType: d.targetType,
  targetId: String(d.targetId),
  subjectUserId: d.subjectUserId ? String(d.subjectUserId) : null,
  subjectUserName: d.subjectUserName ?? null,
  articleId: d.articleId ? String(d.articleId) : d.targetType === 'article' ? String(d.targetId) : null,
  nodeId: d.targetType === 'node' ? String(d.targetId) : null,
  excerpt: d.excerpt ?? null,
  reason: d.reason,
  reasonCode: d.reasonCode ?? null,
  before: d.before,
  after: d.after,
  createdAt: new Date(d.createdAt).toISOString(),
});

@Injectable()
export class AuditRepository {
  constructor(@InjectModel(AuditEntryDoc.name) private readonly audit: Model<AuditEntryDoc>) {}

  async record(entry: NewAuditEntry): Promise<Types.ObjectId> {
    const _id = entry._id ?? new Types.ObjectId();
    await this.audit.create({
      ...entry,
      _id,
      actorId: oidOrNull(entry.actorId),
      targetId: new Types.ObjectId(String(entry.targetId)),
      subjectUserId: oidOrNull(entry.subjectUserId),
      subjectUserName: entry.subjectUserName ?? null,
      articleId: oidOrNull(entry.articleId),
      excerpt: entry.excerpt ?? null,
      reasonCode: entry.reasonCode ?? null,
      createdAt: new Date(),
    });
    return _id;
  }

  findById(id: string): Promise<AuditEntryDoc | null> {
    return Types.ObjectId.isValid(id) ? this.audit.findById(id).lean<AuditEntryDoc>().exec() : Promise.resolve(null);
  }

  /** Newest first; the cursor is the last entry's id (ids grow with time). */
  async page(cursor: string | undefined, limit: number, filter: AuditFilter = {}): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const query: QueryFilter<AuditEntryDoc> = {};
    if (cursor && Types.ObjectId.isValid(cursor)) query._id = { $lt: new Types.ObjectId(cursor) };
    if (filter.actorId) query.actorId = new Types.ObjectId(filter.actorId);
    if (filter.userId) query.subjectUserId = new Types.ObjectId(filter.userId);
    if (filter.action) query.action = filter.action;
    if (filter.from || filter.to) {
      query.createdAt = {
        ...(filter.from ? { $gte: new Date(filter.from) } : {}),
        ...(filter.to ? { $lte: new Date(filter.to) } : {}),
      };
    }
    const docs = await this.audit.find(query).sort({ _id: -1 }).limit(limit + 1).lean<AuditEntryDoc[]>().exec();
    const items = docs.slice(0, limit).map(toEntry);
    return { items, nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }

  async forUser(userId: Id, limit = 10): Promise<AuditEntry[]> {
    const docs = await this.audit.find({ subjectUserId: new Types.ObjectId(String(userId)) }).sort({ _id: -1 }).limit(limit).lean<AuditEntryDoc[]>().exec();
    return docs.map(toEntry);
  }
}
