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

  /** The weights of a node's open flags (flags from before weights count 1). */
  async openWeights(nodeId: Types.ObjectId): Promise<number[]> {
    const docs = await this.flags.find({ nodeId, status: 'open' }, { weight: 1 }).lean<Pick<FlagRecord, 'weight'>[]>().exec();
    return docs.map((d) => d.weight ?? 1);
  }

  /** How often moderators agreed with a reader's flags. */
  async outcomesOf(userId: string): Promise<{ agreed: number; disagreed: number }> {
    const user = oid(userId);
    const [agreed, disagreed] = await Promise.all([
      this.flags.countDocuments({ userId: user, outcome: 'agreed' }).exec(),
      this.flags.countDocuments({ userId: user, outcome: 'disagreed' }).exec(),
    ]);
    return { agreed, disagreed };
  }

  /** A moderator hid or removed the node: its open flags were right. They stay open until the node is reviewed again. */
  async agreeOpen(nodeId: Types.ObjectId): Promise<void> {
    await this.flags.updateMany({ nodeId, status: 'open' }, { $set: { outcome: 'agreed' } }).exec();
  }

  /** A moderator approved or restored the node: its open flags were wrong, and are settled. */
  async resolveOpen(nodeId: Types.ObjectId): Promise<void> {
    await this.flags.updateMany({ nodeId, status: 'open' }, { $set: { status: 'resolved', outcome: 'disagreed' } }).exec();
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
