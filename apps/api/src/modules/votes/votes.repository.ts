import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { VoteDoc } from './vote.model';

const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;

@Injectable()
export class VotesRepository {
  constructor(@InjectModel(VoteDoc.name) private readonly votes: Model<VoteDoc>) {}

  /**
   * Sets the user's vote and returns the value it replaced (null when new). One atomic
   * findOneAndUpdate, so the caller can apply the exact difference to the node's aggregates.
   */
  async upsert(nodeId: Types.ObjectId, userId: string, articleId: Types.ObjectId, value: number): Promise<number | null> {
    const filter = { nodeId, userId: new Types.ObjectId(userId) };
    const update = { $set: { value, articleId, updatedAt: new Date() } };
    for (let attempt = 0; ; attempt++) {
      try {
        const before = await this.votes.findOneAndUpdate(filter, update, { upsert: true, new: false, projection: { value: 1 } }).lean<Pick<VoteDoc, 'value'>>().exec();
        return before ? before.value : null;
      } catch (error) {
        // Two first votes by the same user raced; the unique index let one in, so this one is a change.
        if (!isDuplicateKey(error) || attempt > 2) throw error;
      }
    }
  }

  /** Deletes the user's vote and returns its value, or null when there was none. */
  async remove(nodeId: Types.ObjectId, userId: string): Promise<number | null> {
    const before = await this.votes.findOneAndDelete({ nodeId, userId: new Types.ObjectId(userId) }, { projection: { value: 1 } }).lean<Pick<VoteDoc, 'value'>>().exec();
    return before ? before.value : null;
  }

  async find(nodeId: Types.ObjectId | string, userId: string): Promise<number | null> {
    const vote = await this.votes.findOne({ nodeId: new Types.ObjectId(String(nodeId)), userId: new Types.ObjectId(userId) }, { value: 1 }).lean<Pick<VoteDoc, 'value'>>().exec();
    return vote ? vote.value : null;
  }

  async forArticle(articleId: string, userId: string): Promise<Record<string, number>> {
    const votes = await this.votes.find({ articleId: new Types.ObjectId(articleId), userId: new Types.ObjectId(userId) }, { nodeId: 1, value: 1 }).lean<Pick<VoteDoc, 'nodeId' | 'value'>[]>().exec();
    return Object.fromEntries(votes.map((v) => [String(v.nodeId), v.value]));
  }
}
