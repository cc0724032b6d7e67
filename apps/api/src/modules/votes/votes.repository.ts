import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { emptyVotes, moveVote, type VoteTotals } from '@agora/shared';
import { Types, type Model, type mongo } from 'mongoose';
import { retryTransient } from '../../infra/database/transient-retry';
import { VoteDoc } from './vote.model';

/** Votes are found by primary key: FerretDB's SQLite backend indexes `_id` lookups only. */
export const voteId = (nodeId: Types.ObjectId | string, userId: string): string => `${String(nodeId)}:${userId}`;
const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;

/** A node's votes as counted from the votes themselves, and whether any change of them is still under way. */
export interface Tally {
  totals: VoteTotals;
  /** Votes marked pending since `after` or later: a change whose totals may still be moving. */
  freshPending: boolean;
  /** Marks older than that, left by changes cut short: `[voteId, updatedAt]`. */
  stalePending: [string, Date][];
}

@Injectable()
export class VotesRepository {
  constructor(@InjectModel(VoteDoc.name) private readonly votes: Model<VoteDoc>) {}

  /** The driver's collection, typed with the string _id votes have. */
  private get collection(): mongo.Collection<VoteDoc> {
    return this.votes.collection as unknown as mongo.Collection<VoteDoc>;
  }

  /**
   * Sets the user's vote (null: withdraws it), marked pending until `settled`, and says what it was
   * before, in one atomic update. The unique index keeps one vote per user per node.
   */
  async replace(nodeId: Types.ObjectId, userId: string, articleId: Types.ObjectId, value: number | null): Promise<number | null> {
    const _id = voteId(nodeId, userId);
    const update = { $set: { nodeId, userId: new Types.ObjectId(userId), articleId, value, updatedAt: new Date() }, $inc: { pending: 1 } };
    for (let attempt = 0; ; attempt++) {
      try {
        // The driver's own call: the values are built here from a validated vote, and the hot path
        // skips mongoose's casting. No projection: FerretDB 1.24's findAndModify does not take one.
        const before = await this.collection.findOneAndUpdate({ _id }, update, { upsert: true, returnDocument: 'before' });
        return before?.value ?? null;
      } catch (error) {
        // Two first votes by the same user raced to insert; the loser's upsert now finds the winner's.
        if (!isDuplicateKey(error) || attempt > 2) throw error;
      }
    }
  }

  /** Takes back the pending marks `replace` set (one per change; an id may come more than once), once the totals moved. */
  async settled(ids: readonly string[]): Promise<void> {
    const times = new Map<string, number>();
    for (const id of ids) times.set(id, (times.get(id) ?? 0) + 1);
    const byTimes = new Map<number, string[]>();
    for (const [id, n] of times) byTimes.set(n, [...(byTimes.get(n) ?? []), id]);
    for (const [n, group] of byTimes) await retryTransient(() => this.collection.updateMany({ _id: { $in: group } }, { $inc: { pending: -n } }));
  }

  /** Recounts a node's totals from its votes; marks newer than `freshSince` count as changes still under way. */
  async tally(nodeId: Types.ObjectId, freshSince: Date): Promise<Tally> {
    const votes = await this.collection.find({ nodeId }, { projection: { value: 1, pending: 1, updatedAt: 1 } }).toArray();
    const tally: Tally = { totals: emptyVotes(), freshPending: false, stalePending: [] };
    for (const vote of votes) {
      if (vote.value !== null && vote.value !== undefined) tally.totals = moveVote(tally.totals, null, vote.value);
      if ((vote.pending ?? 0) <= 0) continue;
      if (vote.updatedAt >= freshSince) tally.freshPending = true;
      else tally.stalePending.push([vote._id, vote.updatedAt]);
    }
    return tally;
  }

  /** Nodes with a vote marked pending since before `olderThan`: changes cut short, to be repaired. */
  async nodesWithStalePending(olderThan: Date, limit = 100): Promise<Types.ObjectId[]> {
    const votes = await this.collection.find({ pending: { $gt: 0 }, updatedAt: { $lt: olderThan } }, { projection: { nodeId: 1 } }).limit(limit).toArray();
    return [...new Map(votes.map((v) => [String(v.nodeId), v.nodeId])).values()];
  }

  /** Clears a mark a repair has made good, unless the vote changed again since it was read. */
  async clearPending(id: string, updatedAt: Date): Promise<void> {
    await this.collection.updateOne({ _id: id, updatedAt }, { $set: { pending: 0 } });
  }

  /** The user's vote on a node and when they cast it. */
  async findWithTime(nodeId: Types.ObjectId | string, userId: string): Promise<{ value: number | null; updatedAt: Date | null }> {
    const vote = await this.votes.findById(voteId(nodeId, userId), { value: 1, updatedAt: 1 }).lean<Pick<VoteDoc, 'value' | 'updatedAt'>>().exec();
    return { value: vote?.value ?? null, updatedAt: vote?.value ? vote.updatedAt : null };
  }

  /** The user's votes on these nodes, by node id, in one lookup by primary key. */
  async findMine(nodeIds: readonly string[], userId: string): Promise<Record<string, number>> {
    // All in the first batch: at most one vote per id asked, and no getMore round trip after 101.
    const votes = await this.collection.find({ _id: { $in: nodeIds.map((id) => voteId(id, userId)) } }, { projection: { nodeId: 1, value: 1 }, batchSize: Math.max(1, nodeIds.length) }).toArray();
    return Object.fromEntries(votes.flatMap((v) => (v.value === null || v.value === undefined ? [] : [[String(v.nodeId), v.value]])));
  }

  async forArticle(articleId: string, userId: string): Promise<Record<string, number>> {
    const votes = await this.votes.find({ articleId: new Types.ObjectId(articleId), userId: new Types.ObjectId(userId), value: { $ne: null } }, { nodeId: 1, value: 1 }).lean<Pick<VoteDoc, 'nodeId' | 'value'>[]>().exec();
    return Object.fromEntries(votes.flatMap((v) => (v.value === null ? [] : [[String(v.nodeId), v.value]])));
  }
}
