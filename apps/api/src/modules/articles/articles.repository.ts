import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type UpdateQuery } from 'mongoose';
import { InjectModeratedFacts } from '../../infra/cache/moderated-facts.module';
import type { ModeratedFacts } from '../../infra/cache/moderated-facts';
import { DocumentLock } from '../../infra/database/document-lock';
import { retryTransient } from '../../infra/database/transient-retry';
import { KeyedGate } from '../../infra/database/keyed-gate';
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

/** An article's reply count as counted in memory and not stored yet (see WriteBehind), and when the last reply came. */
interface PendingReplies {
  replyCount: number;
  lastActivityAt: Date;
}

type CountedArticle = Pick<ArticleRecord, '_id'> & Partial<Pick<ArticleRecord, 'replyCount' | 'lastActivityAt'>>;

/** The article with its reply count as counted in memory, if it differs from the one stored. */
function layCount<T extends CountedArticle>(article: T, counted: PendingReplies | undefined): T {
  if (!counted) return article;
  const lastActivityAt = article.lastActivityAt && article.lastActivityAt > counted.lastActivityAt ? article.lastActivityAt : counted.lastActivityAt;
  return { ...article, replyCount: counted.replyCount, ...('lastActivityAt' in article ? { lastActivityAt } : {}) };
}

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
   * meanwhile (see WriteBehind), laid over every read until then (`reading`).
   */
  private readonly counts: WriteBehind<PendingReplies> | null;
  /** Without Redis: replies are stored and counted together (shared), a recount alone (exclusive). */
  private readonly counting = new KeyedGate();
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
            write: (key, counted) => this.writeReplyCount(key, counted),
          },
          config.FIGURES_LINGER_MS,
          (keys, error) => this.logger.warn(`reply counts of ${keys.length} article(s) not stored yet, to be tried again: ${(error as Error).message}`),
        );
  }

  /** Stores every count made so far without waiting out the linger (at most `maxWaitMs`): before shutting down. */
  storeCounts(maxWaitMs?: number): Promise<void> {
    return this.counts?.flush(maxWaitMs) ?? Promise.resolve();
  }

  /** Runs a read of articles and lays over each the reply count not stored yet (see WriteBehind.read). */
  private reading<T extends CountedArticle>(query: () => Promise<T[]>): Promise<T[]> {
    return this.counts ? this.counts.readEach(query, layCount) : query();
  }

  private readingOne<T extends CountedArticle>(query: () => Promise<T | null>): Promise<T | null> {
    return this.counts ? this.counts.readOne(query, layCount) : query();
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
    const article = await this.readingOne(() => this.articles.findById(id, LIST_FIELDS).lean<ArticleRecord>().exec());
    return article?.state === 'ready' ? article : null;
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

  /** Latest activity first, as stored and then as counted in memory (see `reading`). */
  async list(): Promise<ArticleRecord[]> {
    const articles = await this.reading(() => this.articles.find({ state: 'ready' }, LIST_FIELDS).sort({ lastActivityAt: -1 }).limit(500).lean<ArticleRecord[]>().exec());
    return this.counts ? articles.sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime()) : articles;
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
    return this.moderated.changing(() =>
      this.writes.write(id, async () => {
        const article = await this.articles.findByIdAndUpdate(id, update, { new: true }).lean<ArticleRecord>().exec();
        // Laid over holding the article's lock: no count can be stored (and dropped) meanwhile.
        return article && layCount(article, this.counts?.get(String(article._id)));
      }),
    );
  }

  /**
   * Stores a published reply (`insert`) and counts it, so that a recount sees the reply and its count
   * together or neither. With Redis both hold the article's write lock, as a recount does (`$inc` is
   * safe only because every update of an article holds it: FerretDB's own read-modify-write is not
   * atomic). Without Redis, replies are stored side by side and counted in memory; only a recount
   * waits for those under way and holds the next back (KeyedGate): replies to one article queued one
   * by one behind each other's insert before.
   */
  addReply<T>(id: string | Types.ObjectId, insert: () => Promise<T>): Promise<T> {
    const key = String(id);
    const counts = this.counts;
    if (!counts) {
      return this.writes.run(key, async () => {
        const reply = await insert();
        await retryTransient(() => this.articles.updateOne({ _id: id }, { $set: { lastActivityAt: new Date() }, $inc: { replyCount: 1 } }).exec());
        return reply;
      });
    }
    return this.counting.shared(key, async () => {
      const reply = await insert();
      await this.writes.run(key, async () => {
        const counted = counts.get(key)?.replyCount ?? (await this.articles.findById(id, { replyCount: 1 }).lean<Pick<ArticleRecord, 'replyCount'>>().exec())?.replyCount ?? 0;
        counts.set(key, () => ({ replyCount: counted + 1, lastActivityAt: new Date() }));
      });
      return reply;
    });
  }

  /** Stores the article's reply count as `count` gives it, counted while no reply is being stored. */
  recountReplies(id: string | Types.ObjectId, count: () => Promise<number>): Promise<unknown> {
    const key = String(id);
    const recount = () =>
      this.writes.run(key, async () => {
        const counted = { replyCount: await count(), lastActivityAt: new Date() };
        await this.writeReplyCount(id, counted);
        // The count took in every reply counted in memory so far.
        this.counts?.drop(key, counted);
      });
    return this.counts ? this.counting.exclusive(key, recount) : recount();
  }

  private async writeReplyCount(id: string | Types.ObjectId, { replyCount, lastActivityAt }: PendingReplies): Promise<void> {
    await retryTransient(() => this.articles.updateOne({ _id: id }, { $set: { lastActivityAt, replyCount } }).exec());
  }

  /** Each ready article's stored reply count, by id. */
  async replyCounts(): Promise<Map<string, number>> {
    const articles = await this.reading(() => this.articles.find({ state: 'ready' }, { replyCount: 1 }).lean<Pick<ArticleRecord, '_id' | 'replyCount'>[]>().exec());
    return new Map(articles.map((a) => [String(a._id), a.replyCount ?? 0]));
  }

}
