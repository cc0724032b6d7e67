import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { StoredLiveEvent } from '@agora/shared';
import { Types, type Model } from 'mongoose';
import { LiveEventDoc } from './live-event.model';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

@Injectable()
export class LiveEventsRepository {
  constructor(@InjectModel(LiveEventDoc.name) private readonly events: Model<LiveEventDoc>) {}

  /**
   * Stores an event under the article's next sequence number. The unique (articleId, seq) index is
   * what allocates it atomically across instances: a writer that loses the race takes the next one.
   */
  async appendNext(articleId: string, name: StoredLiveEvent['name'], body: Record<string, unknown>): Promise<StoredLiveEvent> {
    for (let attempt = 0; ; attempt++) {
      const seq = (await this.latestSeq(articleId)) + 1;
      const payload = { ...body, articleId, seq };
      try {
        await this.events.create({ articleId: oid(articleId), seq, name, payload, createdAt: new Date() });
        return { name, payload } as unknown as StoredLiveEvent;
      } catch (error) {
        if ((error as { code?: number })?.code !== 11000 || attempt > 100) throw error;
      }
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
