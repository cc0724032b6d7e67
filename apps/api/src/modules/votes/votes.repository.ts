import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { emptyVotes, moveVote, type VoteTotals } from '@agora/shared';
import { Types, type Model, type mongo } from 'mongoose';
import { retryTransient } from '../../infra/database/transient-retry';
import { VoteDoc } from './vote.model';

/** Filters by _id alone are answered from FerretDB's primary index; anything else is a scan. */
const voteId = (nodeId: Types.ObjectId | string, userId: string): string => `${String(nodeId)}:${userId}`;
const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;

@Injectable()
export class VotesRepository {
  constructor(@InjectModel(VoteDoc.name) private readonly votes: Model<VoteDoc>) {}

  /** The driver's collection, typed with the string _id votes have. */
  private get collection(): mongo.Collection<VoteDoc> {
    return this.votes.collection as unknown as mongo.Collection<VoteDoc>;
  }

  /**
   * Sets the user's vote (null: withdraws it) and says what it was before, in one round trip. The
   * unique index keeps one vote per user per node.
   */
  async replace(nodeId: Types.ObjectId, userId: string, articleId: Types.ObjectId, value: number | null): Promise<number | null> {
    const _id = voteId(nodeId, userId);
    if (value === null) {
      const removed = await retryTransient(() => this.votes.findOneAndDelete({ _id }).lean<Pick<VoteDoc, 'value'>>().exec());
      return removed ? removed.value : null;
    }
    const update = { $set: { nodeId, userId: new Types.ObjectId(userId), articleId, value, updatedAt: new Date() } };
    for (let attempt = 0; ; attempt++) {
      try {
        // No projection: FerretDB 1.24's findAndModify does not take one.
        // The driver's own call, as for a node's figures (NodesRepository.exclusive): the values are
        // built here from a validated vote, and the hot path skips mongoose's casting.
        const before = await retryTransient(() => this.collection.findOneAndUpdate({ _id }, update, { upsert: true, returnDocument: 'before' }));
        return before ? before.value : null;
      } catch (error) {
        // Two first votes by the same user raced; the unique index let one in, so this one is a change.
        if (!isDuplicateKey(error) || attempt > 2) throw error;
      }
    }
  }

  /** The node's vote totals as the votes themselves say: the truth its stored aggregates follow. */
  async tally(nodeId: Types.ObjectId): Promise<VoteTotals> {
    const votes = await this.votes.find({ nodeId }, { value: 1, _id: 0 }).lean<Pick<VoteDoc, 'value'>[]>().exec();
    return votes.reduce((totals, { value }) => moveVote(totals, null, value), emptyVotes());
  }

  /** Every node's totals as its votes say, in one pass over the votes (for the start-up audit). */
  async tallyAll(): Promise<Map<string, VoteTotals>> {
    const totals = new Map<string, VoteTotals>();
    for (const { nodeId, value } of await this.votes.find({}, { nodeId: 1, value: 1, _id: 0 }).lean<Pick<VoteDoc, 'nodeId' | 'value'>[]>().exec()) {
      const key = String(nodeId);
      totals.set(key, moveVote(totals.get(key) ?? emptyVotes(), null, value));
    }
    return totals;
  }

  async find(nodeId: Types.ObjectId | string, userId: string): Promise<number | null> {
    const vote = await this.votes.findById(voteId(nodeId, userId), { value: 1 }).lean<Pick<VoteDoc, 'value'>>().exec();
    return vote ? vote.value : null;
  }

  async forArticle(articleId: string, userId: string): Promise<Record<string, number>> {
    const votes = await this.votes.find({ articleId: new Types.ObjectId(articleId), userId: new Types.ObjectId(userId) }, { nodeId: 1, value: 1 }).lean<Pick<VoteDoc, 'nodeId' | 'value'>[]>().exec();
    return Object.fromEntries(votes.map((v) => [String(v.nodeId), v.value]));
  }
}
