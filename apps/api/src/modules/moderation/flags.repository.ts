import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { FlagDoc, type FlagRecord } from './flag.model';

const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;
const oid = (id: string | Types.ObjectId): Types.ObjectId => (typeof id === 'string' ? new Types.ObjectId(id) : id);

@Injectable()
export class FlagsRepository {
  constructor(@InjectModel(FlagDoc.name) private readonly flags: Model<FlagDoc>) {}

  /** Stores a flag, or returns null when the user has flagged this node before (the unique index decides). */
  async insert(flag: Omit<FlagRecord, '_id'>): Promise<FlagRecord | null> {
    // The unique index must exist before the first insert, or two first flags could both get in.
    await this.flags.init();
    try {
      const doc = await this.flags.create(flag);
      return doc.toObject() as FlagRecord;
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  /** The truth behind a node's stored flagCount. */
  countOpen(nodeId: Types.ObjectId): Promise<number> {
    return this.flags.countDocuments({ nodeId, status: 'open' }).exec();
  }

  async resolveOpen(nodeId: Types.ObjectId): Promise<void> {
    await this.flags.updateMany({ nodeId, status: 'open' }, { $set: { status: 'resolved' } }).exec();
  }

  /** Flags of any status on several nodes, newest first. */
  findForNodes(nodeIds: Types.ObjectId[], limit: number): Promise<FlagRecord[]> {
    if (nodeIds.length === 0) return Promise.resolve([]);
    return this.flags.find({ nodeId: { $in: nodeIds } }).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<FlagRecord[]>().exec();
  }

  /** Open flags of several nodes, newest first. */
  findOpenForNodes(nodeIds: (string | Types.ObjectId)[]): Promise<FlagRecord[]> {
    if (nodeIds.length === 0) return Promise.resolve([]);
    return this.flags
      .find({ nodeId: { $in: nodeIds.map(oid) }, status: 'open' })
      .sort({ createdAt: -1, _id: -1 })
      .lean<FlagRecord[]>()
      .exec();
  }
}
