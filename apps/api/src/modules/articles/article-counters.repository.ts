import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, mongo } from 'mongoose';
import { retryTransient } from '../../infra/database/transient-retry';
import { ArticleCounterDoc } from './article-counter.model';

/** What one event moves besides the seq: the article's public replies, and its latest activity. */
export interface CounterMove {
  replies?: number;
  activityAt?: Date;
}

@Injectable()
export class ArticleCountersRepository {
  constructor(@InjectModel(ArticleCounterDoc.name) private readonly counters: Model<ArticleCounterDoc>) {}

  private get collection(): mongo.Collection<ArticleCounterDoc> {
    return this.counters.collection as unknown as mongo.Collection<ArticleCounterDoc>;
  }

  /** Takes the article's next `count` seqs by one atomic update (with what `move` says) and returns the last. */
  async nextSeq(articleId: string, count = 1, move: CounterMove = {}): Promise<number> {
    const update = { $inc: { seq: count, ...(move.replies ? { replies: move.replies } : {}) }, ...(move.activityAt ? { $max: { lastActivityAt: move.activityAt } } : {}) };
    const counter = await retryTransient(() => this.collection.findOneAndUpdate({ _id: articleId }, update, { upsert: true, returnDocument: 'after' }));
    return counter!.seq;
  }

  find(articleId: string): Promise<ArticleCounterDoc | null> {
    return this.collection.findOne({ _id: articleId });
  }

  /** Counters of several articles, by article id, in one lookup by primary key. */
  async findMany(articleIds: readonly string[]): Promise<Map<string, ArticleCounterDoc>> {
    return new Map((await this.collection.find({ _id: { $in: [...articleIds] } }).toArray()).map((c) => [c._id, c]));
  }

  /**
   * Sets the article's reply count as counted from its nodes, only if no event was numbered since `seq`
   * was read before counting (compare-and-set): a count cut short by a crash is repaired, a live one
   * never undone.
   */
  async repairReplies(articleId: string, seq: number, replies: number, lastActivityAt: Date | null): Promise<void> {
    await this.collection.updateOne({ _id: articleId, seq }, { $set: { replies, lastActivityAt } });
  }
}
