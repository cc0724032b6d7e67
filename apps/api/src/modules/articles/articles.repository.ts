import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type UpdateQuery } from 'mongoose';
import { DocumentLock } from '../../infra/database/document-lock';
import { retryTransient } from '../../infra/database/transient-retry';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import { Article, type ArticleRecord } from './article.model';

const LIST_FIELDS = { source: 0, paragraphs: 0 } as const;

@Injectable()
export class ArticlesRepository {
  /** Updates of one article go one at a time, across instances when Redis is configured (see DocumentLock). */
  private readonly writes: DocumentLock;

  constructor(
    @InjectModel(Article.name) private readonly articles: Model<Article>,
    @Inject(REDIS) redis: RedisClient,
  ) {
    this.writes = new DocumentLock(redis, 'agora:lock:article');
  }

  // Filters are by _id alone and the state is checked here: FerretDB's SQLite backend answers only an
  // exact {_id} filter from its index and scans the collection for anything else.
  async findById(id: string | Types.ObjectId): Promise<ArticleRecord | null> {
    const article = await this.articles.findById(id, { source: 0 }).lean<ArticleRecord>().exec();
    return article?.state === 'ready' ? article : null;
  }

  /** Without the paragraphs, for locks and counters. */
  async findSummaryById(id: string | Types.ObjectId): Promise<ArticleRecord | null> {
    const article = await this.articles.findById(id, LIST_FIELDS).lean<ArticleRecord>().exec();
    return article?.state === 'ready' ? article : null;
  }

  findByHash(hash: string): Promise<ArticleRecord | null> {
    return this.articles.findOne({ hash }, LIST_FIELDS).lean<ArticleRecord>().exec();
  }

  list(): Promise<ArticleRecord[]> {
    return this.articles.find({ state: 'ready' }, LIST_FIELDS).sort({ lastActivityAt: -1 }).limit(500).lean<ArticleRecord[]>().exec();
  }

  async insert(article: Omit<ArticleRecord, '_id'> & { _id: Types.ObjectId }): Promise<void> {
    await this.articles.create(article);
  }

  deleteById(id: Types.ObjectId): Promise<unknown> {
    return this.articles.deleteOne({ _id: id }).exec();
  }

  update(id: string | Types.ObjectId, update: UpdateQuery<Article>): Promise<ArticleRecord | null> {
    return this.writes.write(id, () => this.articles.findByIdAndUpdate(id, update, { new: true }).lean<ArticleRecord>().exec());
  }

  /**
   * Stores a published reply (`insert`) and counts it, both holding the article's write lock, so that
   * a recount (which holds it too) sees the reply and its count together or neither. `$inc` is safe
   * only because every update of an article holds that lock: FerretDB's own read-modify-write is not atomic.
   */
  addReply<T>(id: string | Types.ObjectId, insert: () => Promise<T>): Promise<T> {
    return this.writes.run(String(id), async () => {
      const reply = await insert();
      await retryTransient(() => this.articles.updateOne({ _id: id }, { $set: { lastActivityAt: new Date() }, $inc: { replyCount: 1 } }).exec());
      return reply;
    });
  }

  /** Stores the article's reply count as `count` gives it, counted while holding the article's write lock. */
  recountReplies(id: string | Types.ObjectId, count: () => Promise<number>): Promise<unknown> {
    return this.writes.run(String(id), async () => {
      const replyCount = await count();
      return retryTransient(() => this.articles.updateOne({ _id: id }, { $set: { lastActivityAt: new Date(), replyCount } }).exec());
    });
  }

  /** Each ready article's stored reply count, by id. */
  async replyCounts(): Promise<Map<string, number>> {
    const articles = await this.articles.find({ state: 'ready' }, { replyCount: 1 }).lean<Pick<ArticleRecord, '_id' | 'replyCount'>[]>().exec();
    return new Map(articles.map((a) => [String(a._id), a.replyCount ?? 0]));
  }

}
