import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type UpdateQuery } from 'mongoose';
import { InjectModeratedFacts } from '../../infra/cache/moderated-facts.module';
import type { ModeratedFacts } from '../../infra/cache/moderated-facts';
import { DocumentLock } from '../../infra/database/document-lock';
import { retryTransient } from '../../infra/database/transient-retry';
import { WriteBehind } from '../../infra/database/write-behind';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { REDIS, type RedisClient } from '../../infra/redis.module';
import type { ArticleParagraph } from '@agora/shared';
import { Article, ArticleText, type ArticleRecord, type ArticleTextRecord } from './article.model';

/** Leaves out the text of an article not yet migrated (see ArticleTextMigration). */
const LIST_FIELDS = { source: 0, paragraphs: 0 } as const;
/** Texts kept in memory: they never change once imported, and every reply to a paragraph needs one. */
const CACHED_TEXTS = 32;

/** What a write needs to know of its article. */
export interface ArticleWriteRules {
  locked: boolean;
}

/** Replies counted in memory and not stored yet (see WriteBehind), and when the last of them came. */
interface PendingReplies {
  replies: number;
  lastActivityAt: Date;
}

/** After a count's write failed (the database is down?), the next round waits this long. */
const COUNT_RETRY_MS = 1000;

/** An article with its paragraphs. */
export type ArticleWithText = ArticleRecord & { paragraphs: ArticleParagraph[] };

@Injectable()
export class ArticlesRepository {
  /** Updates of one article go one at a time, across instances when Redis is configured (see DocumentLock). */
  private readonly writes: DocumentLock;

  /** Paragraphs by article id, most recently used last. */
  private readonly texts = new Map<string, ArticleParagraph[]>();
  /**
   * Without Redis: a reply is counted in memory and the count stored once per round for every reply
   * meanwhile (see WriteBehind), laid over every read until then (`current`).
   */
  private readonly counts: WriteBehind<PendingReplies> | null;
  private readonly logger = new Logger('Articles');

  constructor(
    @InjectModel(Article.name) private readonly articles: Model<Article>,
    @InjectModel(ArticleText.name) private readonly articleTexts: Model<ArticleText>,
    @Inject(REDIS) redis: RedisClient,
    @InjectModeratedFacts() private readonly moderated: ModeratedFacts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.writes = new DocumentLock(redis, 'agora:lock:article');
    this.counts = redis
      ? null
      : new WriteBehind<PendingReplies>(
          {
            lock: (key, task) => this.writes.run(key, task),
            write: (key, { replies, lastActivityAt }) =>
              retryTransient(() => this.articles.updateOne({ _id: key }, { $set: { lastActivityAt }, $inc: { replyCount: replies } }).exec()).then(() => undefined),
          },
          config.FIGURES_LINGER_MS,
          COUNT_RETRY_MS,
          (key, error) => this.logger.warn(`reply count of article ${key} not stored yet, to be tried again: ${(error as Error).message}`),
        );
  }

  /** Resolves once the replies counted before the call are stored (at most `maxWaitMs` later). */
  countsStored(maxWaitMs?: number): Promise<void> {
    return this.counts?.settled(maxWaitMs) ?? Promise.resolve();
  }

  /** The article with the replies counted but not stored yet. */
  private current<T extends Pick<ArticleRecord, '_id'> & Partial<Pick<ArticleRecord, 'replyCount' | 'lastActivityAt'>>>(article: T): T {
    const pending = this.counts?.get(String(article._id));
    if (!pending) return article;
    const lastActivityAt = article.lastActivityAt && article.lastActivityAt > pending.lastActivityAt ? article.lastActivityAt : pending.lastActivityAt;
    return { ...article, replyCount: (article.replyCount ?? 0) + pending.replies, ...('lastActivityAt' in article ? { lastActivityAt } : {}) };
  }

  // Filters are by _id alone and the state is checked here: FerretDB's SQLite backend answers only an
  // exact {_id} filter from its index and scans the collection for anything else.
  /** A ready article with its paragraphs. */
  async findById(id: string | Types.ObjectId): Promise<ArticleWithText | null> {
    const [article, paragraphs] = await Promise.all([this.findSummaryById(id), this.findParagraphs(id)]);
    return article && paragraphs ? { ...article, paragraphs } : null;
  }

  /**
   * An article's paragraphs (null if it has no text), from memory when they were read before: an
   * article's text never changes once imported. Reads an article not yet migrated too.
   */
  async findParagraphs(id: string | Types.ObjectId): Promise<ArticleParagraph[] | null> {
    const key = String(id);
    const cached = this.texts.get(key);
    if (cached) {
      this.texts.delete(key);
      this.texts.set(key, cached);
      return cached;
    }
    const text = await this.articleTexts.findById(id, { paragraphs: 1 }).lean<Pick<ArticleTextRecord, 'paragraphs'>>().exec();
    const paragraphs = text?.paragraphs ?? (await this.articles.findById(id, { paragraphs: 1 }).lean<ArticleRecord>().exec())?.paragraphs;
    if (!paragraphs) return null;
    this.texts.set(key, paragraphs);
    if (this.texts.size > CACHED_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    return paragraphs;
  }

  /** Without the paragraphs, for locks and counters. */
  async findSummaryById(id: string | Types.ObjectId): Promise<ArticleRecord | null> {
    const article = await this.articles.findById(id, LIST_FIELDS).lean<ArticleRecord>().exec();
    return article?.state === 'ready' ? this.current(article) : null;
  }

  /** What a reply or vote must know of its article: that it is there and ready, and whether it is locked (cached, see ModeratedFacts). */
  findWriteRules(id: string | Types.ObjectId): Promise<ArticleWriteRules | null> {
    return this.moderated.get(`article:${String(id)}`, async () => {
      const article = await this.findSummaryById(id);
      return article && { locked: !!article.locked };
    });
  }

  findByHash(hash: string): Promise<ArticleRecord | null> {
    return this.articles.findOne({ hash }, LIST_FIELDS).lean<ArticleRecord>().exec();
  }

  /** Sorted by activity as stored: callers wait for countsStored first. */
  async list(): Promise<ArticleRecord[]> {
    const articles = await this.articles.find({ state: 'ready' }, LIST_FIELDS).sort({ lastActivityAt: -1 }).limit(500).lean<ArticleRecord[]>().exec();
    return articles.map((a) => this.current(a));
  }

  /** Stores the text first: an article is never without its text, a text without its article is only a leftover. */
  async insert(article: Omit<ArticleRecord, '_id' | 'source' | 'paragraphs'> & { _id: Types.ObjectId }, text: Omit<ArticleTextRecord, '_id'>): Promise<void> {
    await this.saveText(article._id, text);
    await this.articles.create(article);
  }

  /** Stores (or stores again) an article's text. */
  async saveText(id: Types.ObjectId, text: Omit<ArticleTextRecord, '_id'>): Promise<void> {
    await this.articleTexts.replaceOne({ _id: id }, { source: text.source, paragraphs: text.paragraphs }, { upsert: true }).exec();
  }

  async deleteById(id: Types.ObjectId): Promise<void> {
    this.texts.delete(String(id));
    await this.moderated.changing(() => this.articles.deleteOne({ _id: id }).exec());
    await this.articleTexts.deleteOne({ _id: id }).exec();
  }

  /** Articles still holding their text (stored before texts moved to article_texts). */
  findWithInlineText(): Promise<(ArticleRecord & { source: string; paragraphs: ArticleParagraph[] })[]> {
    return this.articles.find({ source: { $exists: true } }).lean<(ArticleRecord & { source: string; paragraphs: ArticleParagraph[] })[]>().exec();
  }

  /** Drops the inline text of an article whose text is in article_texts now. */
  dropInlineText(id: Types.ObjectId): Promise<unknown> {
    return this.writes.write(id, () => this.articles.updateOne({ _id: id }, { $unset: { source: 1, paragraphs: 1 } }, { strict: false }).exec());
  }

  /** Changes an article's own fields (its lock, among them: the write rules are announced as changed). */
  async update(id: string | Types.ObjectId, update: UpdateQuery<Article>): Promise<ArticleRecord | null> {
    const article = await this.moderated.changing(() => this.writes.write(id, () => this.articles.findByIdAndUpdate(id, update, { new: true }).lean<ArticleRecord>().exec()));
    return article && this.current(article);
  }

  /**
   * Stores a published reply (`insert`) and counts it, both holding the article's write lock, so that
   * a recount (which holds it too) sees the reply and its count together or neither. `$inc` is safe
   * only because every update of an article holds that lock: FerretDB's own read-modify-write is not atomic.
   */
  addReply<T>(id: string | Types.ObjectId, insert: () => Promise<T>): Promise<T> {
    const key = String(id);
    return this.writes.run(key, async () => {
      const reply = await insert();
      const lastActivityAt = new Date();
      if (this.counts) this.counts.set(key, (pending) => ({ replies: (pending?.replies ?? 0) + 1, lastActivityAt }));
      else await retryTransient(() => this.articles.updateOne({ _id: id }, { $set: { lastActivityAt }, $inc: { replyCount: 1 } }).exec());
      return reply;
    });
  }

  /** Stores the article's reply count as `count` gives it, counted while holding the article's write lock. */
  recountReplies(id: string | Types.ObjectId, count: () => Promise<number>): Promise<unknown> {
    const key = String(id);
    return this.writes.run(key, async () => {
      const replyCount = await count();
      await retryTransient(() => this.articles.updateOne({ _id: id }, { $set: { lastActivityAt: new Date(), replyCount } }).exec());
      // The count took in every reply counted in memory so far: their inserts came first, under this lock.
      this.counts?.drop(key);
    });
  }

  /** Each ready article's stored reply count, by id. */
  async replyCounts(): Promise<Map<string, number>> {
    const articles = await this.articles.find({ state: 'ready' }, { replyCount: 1 }).lean<Pick<ArticleRecord, '_id' | 'replyCount'>[]>().exec();
    return new Map(articles.map((a) => [String(a._id), this.current(a).replyCount ?? 0]));
  }

}
