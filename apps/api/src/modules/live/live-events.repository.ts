import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { StoredLiveEvent } from '@agora/shared';
import { Types, type Model, type mongo } from 'mongoose';
import { retryTransient } from '../../infra/database/transient-retry';
import { LiveEventDoc } from './live-event.model';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

@Injectable()
export class LiveEventsRepository {
  constructor(@InjectModel(LiveEventDoc.name) private readonly events: Model<LiveEventDoc>) {}

  /** The driver's collection, typed with the string _id events have. */
  private get collection(): mongo.Collection<LiveEventDoc> {
    return this.events.collection as unknown as mongo.Collection<LiveEventDoc>;
  }

  /**
   * Stores the event under `seq` unless that number is taken; false when another writer has it.
   * The primary key (`articleId:seq`) is what makes sequence numbers unique across instances.
   */
  async tryAppend(articleId: string, seq: number, name: StoredLiveEvent['name'], body: Record<string, unknown>): Promise<StoredLiveEvent | null> {
    const payload = { ...body, articleId, seq };
    try {
      await retryTransient(() => this.events.create({ _id: `${articleId}:${seq}`, articleId: oid(articleId), seq, name, payload, createdAt: new Date() }));
      return { name, payload } as unknown as StoredLiveEvent;
    } catch (error) {
      if ((error as { code?: number })?.code === 11000) return null;
      throw error;
    }
  }

  /**
   * Stores events that already have their seq (one instance without Redis), in one insert; false when
   * one of those seqs was taken (the ones before it are stored).
   */
  async appendMany(articleId: string, events: readonly StoredLiveEvent[]): Promise<boolean> {
    const createdAt = new Date();
    const docs = events.map(({ name, payload }): LiveEventDoc => ({ _id: `${articleId}:${payload.seq}`, articleId: oid(articleId), seq: payload.seq, name, payload: payload as unknown as Record<string, unknown>, createdAt }));
    try {
      // The driver's own call: the documents are built whole here, and mongoose's validation and
      // casting of each event was a good part of a reply's CPU in the API (see README, Benchmarks).
      await retryTransient(() => this.collection.insertMany(docs, { ordered: true, ignoreUndefined: true }));
      return true;
    } catch (error) {
      if ((error as { code?: number })?.code === 11000) return false;
      throw error;
    }
  }

  /** The article's latest sequence number (0 before its first event); pruning always keeps the newest. */
  async latestSeq(articleId: string): Promise<number> {
    const doc = await this.events.findOne({ articleId: oid(articleId) }, { seq: 1 }).sort({ seq: -1 }).lean<Pick<LiveEventDoc, 'seq'>>().exec();
    return doc?.seq ?? 0;
  }

  /** Events after `seq`, oldest first. */
  async after(articleId: string, seq: number, limit = 5000): Promise<StoredLiveEvent[]> {
    const docs = await this.events.find({ articleId: oid(articleId), seq: { $gt: seq } }).sort({ seq: 1 }).limit(limit).lean<LiveEventDoc[]>().exec();
    return docs.map((d) => ({ name: d.name, payload: d.payload }) as unknown as StoredLiveEvent);
  }

  async range(articleId: string, fromExclusive: number, toInclusive: number): Promise<StoredLiveEvent[]> {
    const docs = await this.events
      .find({ articleId: oid(articleId), seq: { $gt: fromExclusive, $lte: toInclusive } })
      .sort({ seq: 1 })
      .lean<LiveEventDoc[]>()
      .exec();
    return docs.map((d) => ({ name: d.name, payload: d.payload }) as unknown as StoredLiveEvent);
  }

  /** Keeps the newest `keep` events of an article. */
  prune(articleId: string, latestSeq: number, keep: number): Promise<unknown> {
    return this.events.deleteMany({ articleId: oid(articleId), seq: { $lte: latestSeq - keep } }).exec();
  }
}
