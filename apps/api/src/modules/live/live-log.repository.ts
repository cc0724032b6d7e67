import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { StoredLiveEvent } from '@agora/shared';
import { Types, type Model, type mongo } from 'mongoose';
import { retryTransient } from '../../infra/database/transient-retry';
import { LiveLogPageDoc } from './live-log-page.model';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

/** The events of a page, in one JSON string: FerretDB encodes a string at a fraction of the cost of the fields it holds. */
const packEvents = (events: readonly StoredLiveEvent[]): string => JSON.stringify(events.map(({ name, payload }) => ({ name, payload })));
const unpackEvents = (page: Pick<LiveLogPageDoc, 'events'>): StoredLiveEvent[] => JSON.parse(page.events) as StoredLiveEvent[];

/** The replay log: each article's recent live events, in pages (see LiveLogPageDoc). */
@Injectable()
export class LiveLogRepository {
  constructor(@InjectModel(LiveLogPageDoc.name) private readonly pages: Model<LiveLogPageDoc>) {}

  /** The driver's collection, typed with the string _id pages have. */
  private get collection(): mongo.Collection<LiveLogPageDoc> {
    return this.pages.collection as unknown as mongo.Collection<LiveLogPageDoc>;
  }

  /** Stores events that already have their seqs, in seq order, as one page. */
  async append(articleId: string, events: readonly StoredLiveEvent[]): Promise<void> {
    const seq = events[0].payload.seq;
    const lastSeq = events[events.length - 1].payload.seq;
    const page: LiveLogPageDoc = { _id: `${articleId}:${seq}`, articleId: oid(articleId), seq, lastSeq, events: packEvents(events), createdAt: new Date() };
    // The driver's own call: the page is built whole here, and needs none of mongoose's casting.
    await retryTransient(() => this.collection.insertOne(page));
  }

  /**
   * Events after `seq`, oldest first, at most `limit`. Pages of several instances overlap (each holds
   * the events its instance published in one window), so their events are put in seq order here.
   */
  async after(articleId: string, seq: number, limit = 5000): Promise<StoredLiveEvent[]> {
    const events: StoredLiveEvent[] = [];
    // Once `limit` are in hand, a page beginning past the limit-th seq holds none of the first `limit`:
    // the pages before it may still (they overlap), so the cut is made only after the sort.
    let cut = Infinity;
    for await (const page of this.collection.find({ articleId: oid(articleId), lastSeq: { $gt: seq } }).sort({ seq: 1 })) {
      if (page.seq > cut) break;
      for (const event of unpackEvents(page)) if (event.payload.seq > seq) events.push(event);
      if (events.length >= limit) cut = events.sort((a, b) => a.payload.seq - b.payload.seq)[limit - 1].payload.seq;
    }
    return events.sort((a, b) => a.payload.seq - b.payload.seq).slice(0, limit);
  }

  /** Events with seqs in (fromExclusive, toInclusive], oldest first. */
  async range(articleId: string, fromExclusive: number, toInclusive: number): Promise<StoredLiveEvent[]> {
    const pages = await this.collection.find({ articleId: oid(articleId), lastSeq: { $gt: fromExclusive }, seq: { $lte: toInclusive } }).sort({ seq: 1 }).toArray();
    return pages
      .flatMap(unpackEvents)
      .filter((e) => e.payload.seq > fromExclusive && e.payload.seq <= toInclusive)
      .sort((a, b) => a.payload.seq - b.payload.seq);
  }

  /**
   * Removes the article's events older than its newest `keep`: the pages that hold only such events,
   * and the older part of a page that straddles the cut (pages of several instances overlap, so more
   * than one can). A page's `seq` stays: it still says where its window began.
   */
  async prune(articleId: string, latestSeq: number, keep: number): Promise<void> {
    const cut = latestSeq - keep;
    await this.collection.deleteMany({ articleId: oid(articleId), lastSeq: { $lte: cut } });
    for (const page of await this.collection.find({ articleId: oid(articleId), seq: { $lte: cut }, lastSeq: { $gt: cut } }).toArray()) {
      const kept = unpackEvents(page).filter((event) => event.payload.seq > cut);
      // Unless another instance trimmed it meanwhile: a trim to an older cut must not bring events back.
      await this.collection.updateOne({ _id: page._id, events: page.events }, { $set: { events: packEvents(kept) } });
    }
  }
}
