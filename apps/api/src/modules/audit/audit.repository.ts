import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AuditEntry } from '@agora/shared';
import { Types, type Model } from 'mongoose';
import { AuditEntryDoc } from './audit.model';

export type NewAuditEntry = Omit<AuditEntryDoc, '_id' | 'createdAt' | 'actorId' | 'targetId' | 'subjectUserId'> & {
  actorId: string | null;
  targetId: string | Types.ObjectId;
  subjectUserId: string | Types.ObjectId | null;
};

const toEntry = (d: AuditEntryDoc): AuditEntry => ({
  id: String(d._id),
  action: d.action,
  actorId: d.actorId ? String(d.actorId) : null,
  actorName: d.actorName,
  targetType: d.targetType,
  targetId: String(d.targetId),
  reason: d.reason,
  before: d.before,
  after: d.after,
  createdAt: new Date(d.createdAt).toISOString(),
});

@Injectable()
export class AuditRepository {
  constructor(@InjectModel(AuditEntryDoc.name) private readonly audit: Model<AuditEntryDoc>) {}

  async record(entry: NewAuditEntry): Promise<void> {
    await this.audit.create({
      ...entry,
      actorId: entry.actorId ? new Types.ObjectId(entry.actorId) : null,
      targetId: new Types.ObjectId(String(entry.targetId)),
      subjectUserId: entry.subjectUserId ? new Types.ObjectId(String(entry.subjectUserId)) : null,
      createdAt: new Date(),
    });
  }

  /** Newest first; the cursor is the last entry's id (ids grow with time). */
  async page(cursor: string | undefined, limit: number): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const filter = cursor && Types.ObjectId.isValid(cursor) ? { _id: { $lt: new Types.ObjectId(cursor) } } : {};
    const docs = await this.audit.find(filter).sort({ _id: -1 }).limit(limit + 1).lean<AuditEntryDoc[]>().exec();
    const items = docs.slice(0, limit).map(toEntry);
    return { items, nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }

  async forUser(userId: string | Types.ObjectId, limit = 10): Promise<AuditEntry[]> {
    const docs = await this.audit.find({ subjectUserId: new Types.ObjectId(String(userId)) }).sort({ _id: -1 }).limit(limit).lean<AuditEntryDoc[]>().exec();
    return docs.map(toEntry);
  }
}
