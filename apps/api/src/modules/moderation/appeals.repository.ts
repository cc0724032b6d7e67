import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AppealStatus, AppealView } from '@agora/shared';
import { Types, type QueryFilter, type Model } from 'mongoose';
import { AppealDoc, type AppealRecord } from './appeal.model';

const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function toAppealView(a: AppealRecord): AppealView {
  return {
    id: String(a._id),
    decisionId: String(a.decisionId),
    nodeId: String(a.nodeId),
    articleId: String(a.articleId),
    excerpt: a.excerpt,
    authorId: String(a.authorId),
    authorName: a.authorName,
    action: a.action,
    decidedById: a.decidedById ? String(a.decidedById) : null,
    decidedByName: a.decidedByName,
    reason: a.reason,
    reasonCode: a.reasonCode,
    statement: a.statement,
    status: a.status,
    resolvedByName: a.resolvedByName,
    resolution: a.resolution,
    createdAt: new Date(a.createdAt).toISOString(),
    resolvedAt: iso(a.resolvedAt),
  };
}

@Injectable()
export class AppealsRepository {
  constructor(@InjectModel(AppealDoc.name) private readonly appeals: Model<AppealDoc>) {}

  /** Stores the appeal, or returns null when this decision was appealed before (the unique index decides). */
  async insert(appeal: Omit<AppealRecord, '_id'>): Promise<AppealRecord | null> {
    await this.appeals.init();
    try {
      return (await this.appeals.create(appeal)).toObject() as AppealRecord;
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  findById(id: string): Promise<AppealRecord | null> {
    return this.appeals.findById(id).lean<AppealRecord>().exec();
  }

  /** Newest first, without the appeals of decisions `exceptDecidedBy` made (they are someone else's to decide). */
  async page(status: AppealStatus, exceptDecidedBy: string, cursor: string | undefined, limit: number): Promise<{ items: AppealView[]; nextCursor: string | null }> {
    const query: QueryFilter<AppealDoc> = { status, decidedById: { $ne: new Types.ObjectId(exceptDecidedBy) } };
    if (cursor && Types.ObjectId.isValid(cursor)) query._id = { $lt: new Types.ObjectId(cursor) };
    const docs = await this.appeals.find(query).sort({ _id: -1 }).limit(limit + 1).lean<AppealRecord[]>().exec();
    const items = docs.slice(0, limit).map(toAppealView);
    return { items, nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }

  /** Settles an open appeal; null when it was settled meanwhile. */
  resolve(id: Types.ObjectId, set: Pick<AppealRecord, 'status' | 'resolvedById' | 'resolvedByName' | 'resolution' | 'resolvedAt'>): Promise<AppealRecord | null> {
    return this.appeals.findOneAndUpdate({ _id: id, status: 'open' }, { $set: set }, { returnDocument: 'after' }).lean<AppealRecord>().exec();
  }

  /** Reopens an appeal whose decision could not be carried out, so that it can be decided again. */
  async reopen(id: Types.ObjectId): Promise<void> {
    await this.appeals.updateOne({ _id: id }, { $set: { status: 'open', resolvedById: null, resolvedByName: null, resolution: null, resolvedAt: null } }).exec();
  }
}
