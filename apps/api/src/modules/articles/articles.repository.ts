import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type Types, type UpdateQuery } from 'mongoose';
import type { ArticleParagraph } from '@agora/shared';
import { InjectModeratedFacts } from '../../infra/cache/moderated-facts.module';
import type { FactsMark, ModeratedFacts } from '../../infra/cache/moderated-facts';
import { Article, ArticleText, type ArticleRecord, type ArticleTextRecord } from './article.model';

/** Texts kept in memory: they change only at a revision, and every reply to a paragraph needs one. */
const CACHED_TEXTS = 32;

/** What a write needs to know of its article. */
export interface ArticleWriteRules {
  locked: boolean;
}

interface CachedText {
  revision: number;
  paragraphs: ArticleParagraph[];
}

/** An article with its paragraphs. */
export type ArticleWithText = ArticleRecord & { paragraphs: ArticleParagraph[] };

@Injectable()
export class ArticlesRepository {
  /** Paragraphs by article id, with the revision they are of, most recently used last. */
  private readonly texts = new Map<string, CachedText>();

  constructor(
    @InjectModel(Article.name) private readonly articles: Model<Article>,
    @InjectModel(ArticleText.name) private readonly articleTexts: Model<ArticleText>,
    @InjectModeratedFacts() private readonly moderated: ModeratedFacts,
  ) {}

  /** A ready article with its paragraphs, those of the revision it shows (a text read before a revision is read again). */
  async findById(id: string | Types.ObjectId): Promise<ArticleWithText | null> {
    const [article, held] = await Promise.all([this.findSummaryById(id), this.findText(id)]);
    if (!article || !held) return null;
    const text = held.revision === (article.revision ?? 0) ? held : await this.findText(id, true);
    return text ? { ...article, paragraphs: text.paragraphs } : null;
  }

  /**
   * An article's paragraphs (null if it has no text), from memory when they were read before: a text
   * changes only at a revision, whose event makes every instance forget it (see forgetText).
   */
  async findParagraphs(id: string | Types.ObjectId): Promise<ArticleParagraph[] | null> {
    return (await this.findText(id))?.paragraphs ?? null;
  }

  /** The text as stored now, with its source: for a revision, which must not start from a stale copy. */
  findStoredText(id: string | Types.ObjectId): Promise<ArticleTextRecord | null> {
    return this.articleTexts.findById(id).lean<ArticleTextRecord>().exec();
  }

  private async findText(id: string | Types.ObjectId, fresh = false): Promise<CachedText | null> {
    const key = String(id);
    const cached = fresh ? undefined : this.texts.get(key);
    if (cached) {
      this.texts.delete(key);
      this.texts.set(key, cached);
      return cached;
    }
    const stored = await this.articleTexts.findById(id, { paragraphs: 1, revision: 1 }).lean<Pick<ArticleTextRecord, 'paragraphs' | 'revision'>>().exec();
    if (!stored) return null;
    const text = { revision: stored.revision ?? 0, paragraphs: stored.paragraphs };
    this.texts.delete(key);
    this.texts.set(key, text);
    if (this.texts.size > CACHED_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    return text;
  }

  /** Forgets the text held in memory: the article was revised. */
  forgetText(id: string | Types.ObjectId): void {
    this.texts.delete(String(id));
  }

  /** Replaces the current text by a revision's (idempotent: the same revision written twice is the same document). */
  async replaceText(id: Types.ObjectId, text: Omit<ArticleTextRecord, '_id'>): Promise<void> {
    await this.articleTexts.replaceOne({ _id: id }, { source: text.source, paragraphs: text.paragraphs, revision: text.revision }, { upsert: true }).exec();
    this.forgetText(id);
  }

  /** Without the paragraphs; null unless ready. The filter is by _id alone and the state checked here, as FerretDB indexes only `{_id}` lookups. */
  async findSummaryById(id: string | Types.ObjectId): Promise<ArticleRecord | null> {
    const article = await this.articles.findById(id).lean<ArticleRecord>().exec();
    return article?.state === 'ready' ? article : null;
  }

  /** What a reply or vote must know of its article: that it is there and ready, and whether it is locked (cached, see ModeratedFacts). */
  findWriteRules(id: string | Types.ObjectId, since?: FactsMark): Promise<ArticleWriteRules | null> {
    return this.moderated.get(
      `article:${String(id)}`,
      async () => {
        const article = await this.findSummaryById(id);
        return article && { locked: !!article.locked };
      },
      since,
    );
  }

  findByHash(hash: string): Promise<ArticleRecord | null> {
    return this.articles.findOne({ hash }).lean<ArticleRecord>().exec();
  }

  /** Ready articles, newest first (at most 500). */
  list(): Promise<ArticleRecord[]> {
    return this.articles.find({ state: 'ready' }).sort({ createdAt: -1 }).limit(500).lean<ArticleRecord[]>().exec();
  }

  /** Stores the text first: an article is never without its text, a text without its article is only a leftover. */
  async insert(article: ArticleRecord, text: Omit<ArticleTextRecord, '_id'>): Promise<void> {
    await this.articleTexts.replaceOne({ _id: article._id }, { source: text.source, paragraphs: text.paragraphs }, { upsert: true }).exec();
    await this.articles.create(article);
  }

  async deleteById(id: Types.ObjectId): Promise<void> {
    this.texts.delete(String(id));
    await this.moderated.changing(() => this.articles.deleteOne({ _id: id }).exec());
    await this.articleTexts.deleteOne({ _id: id }).exec();
  }

  /** Changes an article's own fields (its lock, among them: the write rules are announced as changed). */
  update(id: string | Types.ObjectId, update: UpdateQuery<Article>): Promise<ArticleRecord | null> {
    return this.moderated.changing(() => this.articles.findByIdAndUpdate(id, update, { returnDocument: 'after' }).lean<ArticleRecord>().exec());
  }
}
