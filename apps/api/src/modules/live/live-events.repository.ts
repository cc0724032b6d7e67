import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { StoredLiveEvent } from '@agora/shared';
import { Types, type Model } from 'mongoose';
import { LiveEventDoc } from './live-event.model';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

@Injectable()
export class LiveEventsRepository {
  constructor(@InjectModel(LiveEventDoc.name) private readonly events: Model<LiveEventDoc>) {}

  async append(event: StoredLiveEvent): Promise<void> {
    await this.events.create({ articleId: oid(event.payload.articleId), seq: event.payload.seq, name: event.name, payload: event.payload, createdAt: new Date() });
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
