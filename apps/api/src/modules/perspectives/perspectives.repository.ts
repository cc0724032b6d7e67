import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { ReaderVote } from '@agora/shared';
import { Types, type Connection, type mongo } from 'mongoose';
import type { PerspectiveRecord } from './perspective.model';

const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;

/** The `perspectives` collection, and the votes of an article as the groups are computed from. */
@Injectable()
export class PerspectivesRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get perspectives(): mongo.Collection<PerspectiveRecord> {
    return this.connection.collection<PerspectiveRecord>('perspectives');
  }

  find(articleId: string): Promise<PerspectiveRecord | null> {
    return this.perspectives.findOne({ _id: articleId });
  }

  /**
   * Claims the article's computation for `lease` ms if its stored result is older than `seq` and
   * nobody holds an unexpired claim: one atomic update, so that of several instances only one computes.
   * Returns the record as it was (the previous groups), or null when not claimed.
   */
  async claim(articleId: string, seq: number, token: string, lease: number): Promise<PerspectiveRecord | null> {
    const now = new Date();
    try {
      await this.perspectives.updateOne(
        { _id: articleId },
        { $setOnInsert: { version: 0, seq: -1, claimedUntil: new Date(0), claimedBy: null, computedAt: null, groups: [], members: {}, totals: {} } },
        { upsert: true },
      );
    } catch (error) {
      // Two instances created it at once: it exists now, which is all this needed.
      if (!isDuplicateKey(error)) throw error;
    }
    return this.perspectives.findOneAndUpdate(
      { _id: articleId, seq: { $lt: seq }, claimedUntil: { $lt: now } },
      { $set: { claimedUntil: new Date(now.getTime() + lease), claimedBy: token } },
      { returnDocument: 'before' },
    );
  }

  /** Saves a computation under its claim, and lets the claim go; false when the claim was lost (lapsed and taken). */
  async save(articleId: string, token: string, result: Pick<PerspectiveRecord, 'seq' | 'groups' | 'members' | 'totals'>): Promise<boolean> {
    const saved = await this.perspectives.updateOne(
      { _id: articleId, claimedBy: token },
      { $set: { ...result, computedAt: new Date(), claimedUntil: new Date(0), claimedBy: null }, $inc: { version: 1 } },
    );
    return saved.modifiedCount === 1;
  }

  /** Lets a claim go without a result (the computation failed), for the next vote to try again. */
  async release(articleId: string, token: string): Promise<void> {
    await this.perspectives.updateOne({ _id: articleId, claimedBy: token }, { $set: { claimedUntil: new Date(0), claimedBy: null } });
  }

  /** Every standing vote in the article: read off the write path, by the background job only. */
  async votesOf(articleId: string): Promise<ReaderVote[]> {
    const votes = await this.connection
      .collection<{ nodeId: Types.ObjectId; userId: Types.ObjectId; value: number | null }>('votes')
      .find({ articleId: new Types.ObjectId(articleId), value: { $ne: null } }, { projection: { _id: 0, nodeId: 1, userId: 1, value: 1 } })
      .toArray();
    return votes.flatMap((v) => (typeof v.value === 'number' ? [{ nodeId: String(v.nodeId), userId: String(v.userId), value: v.value }] : []));
  }
}
