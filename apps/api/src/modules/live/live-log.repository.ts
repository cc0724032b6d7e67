import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { StoredLiveEvent } from '@agora/shared';
import { Types, type Model, type mongo } from 'mongoose';
import { retryTransient } from '../../infra/database/transient-retry';
import { LiveLogPageDoc } from './live-log-page.model';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

/** A stored page as the ReplayLogWriter keeps track of it, to remove it once it is past retention. */
export interface LogPageRef {
  id: string;
  lastSeq: number;
}

/** The events of a page, in one JSON string: FerretDB encodes a string at a fraction of the cost of the fields it holds. */
const packEvents = (events: readonly StoredLiveEvent[]): string => JSON.stringify(events.map(({ name, payload }) => ({ name, payload })));
const unpackEvents = (page: Pick<LiveLogPageDoc, 'events'>): StoredLiveEvent[] => JSON.parse(page.events) as StoredLiveEvent[];

/**
 * The replay log: each article's recent live events, in pages (see LiveLogPageDoc). Every query but
 * the ones by `_id` reads the whole collection on FerretDB: those are for replays and start-up.
 */
@Injectable()
export class LiveLogRepository {
  constructor(@InjectModel(LiveLogPageDoc.name) private readonly pages: Model<LiveLogPageDoc>) {}

  /** The driver's collection, typed with the string _id pages have. */
  private get collection(): mongo.Collection<LiveLogPageDoc> {
    return this.pages.collection as unknown as mongo.Collection<LiveLogPageDoc>;
  }

  /**
   * Stores events that already have their seqs, in seq order, as one page; null when its first seq
   * is taken (another process stored it). With Redis, each instance stores one event per page and
   * the primary key (`articleId:seq`) is what makes sequence numbers unique across instances.
   */
  async append(articleId: string, events: readonly StoredLiveEvent[]): Promise<LogPageRef | null> {
    const seq = events[0].payload.seq;
    const lastSeq = events[events.length - 1].payload.seq;
    const page: LiveLogPageDoc = { _id: `${articleId}:${seq}`, articleId: oid(articleId), seq, lastSeq, events: packEvents(events), createdAt: new Date() };
    try {
      // The driver's own call: the page is built whole here, and needs none of mongoose's casting.
      await retryTransient(() => this.collection.insertOne(page));
      return { id: page._id, lastSeq };
    } catch (error) {
      if ((error as { code?: number })?.code === 11000) return null;
      throw error;
    }
  }

  /** The article's pages, oldest first (a whole-log read on FerretDB: once per article per process). */
  async pageRefs(articleId: string): Promise<LogPageRef[]> {
    const pages = await this.collection.find({ articleId: oid(articleId) }, { projection: { lastSeq: 1 } }).sort({ seq: 1 }).toArray();
    return pages.map((p) => ({ id: p._id, lastSeq: p.lastSeq }));
  }

  /** Removes pages by _id: each an indexed delete, where a filter on seqs would read the whole log. */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length) await retryTransient(() => this.collection.bulkWrite(ids.map((_id) => ({ deleteOne: { filter: { _id } } }))));
  }

  /** The article's latest sequence number (0 before its first event); removing pages always keeps the newest. */
  async latestSeq(articleId: string): Promise<number> {
    const page = await this.collection.findOne({ articleId: oid(articleId) }, { sort: { seq: -1 }, projection: { lastSeq: 1 } });
    return page?.lastSeq ?? 0;
  }

  /** Events after `seq`, oldest first, at most `limit`. */
  async after(articleId: string, seq: number, limit = 5000): Promise<StoredLiveEvent[]> {
    const events: StoredLiveEvent[] = [];
    for await (const page of this.collection.find({ articleId: oid(articleId), lastSeq: { $gt: seq } }).sort({ seq: 1 })) {
      for (const event of unpackEvents(page)) if (event.payload.seq > seq && events.length < limit) events.push(event);
      if (events.length >= limit) break;
    }
    return events;
  }

  /** Events with seqs in (fromExclusive, toInclusive], oldest first. */
  async range(articleId: string, fromExclusive: number, toInclusive: number): Promise<StoredLiveEvent[]> {
    const pages = await this.collection.find({ articleId: oid(articleId), lastSeq: { $gt: fromExclusive }, seq: { $lte: toInclusive } }).sort({ seq: 1 }).toArray();
    return pages.flatMap(unpackEvents).filter((e) => e.payload.seq > fromExclusive && e.payload.seq <= toInclusive);
  }

  /** Removes the article's pages whose every event is older than its newest `keep` (with Redis, where no process knows every page). */
  prune(articleId: string, latestSeq: number, keep: number): Promise<unknown> {
    return this.collection.deleteMany({ articleId: oid(articleId), lastSeq: { $lte: latestSeq - keep } });
  }
}
