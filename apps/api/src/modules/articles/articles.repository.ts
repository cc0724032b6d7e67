import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type Types, type UpdateQuery } from 'mongoose';
import type { ArticleParagraph } from '@agora/shared';
import { InjectModeratedFacts } from '../../infra/cache/moderated-facts.module';
import type { ModeratedFacts } from '../../infra/cache/moderated-facts';
import { Article, ArticleText, type ArticleRecord, type ArticleTextRecord } from './article.model';

/** Texts kept in memory: they never change once imported, and every reply to a paragraph needs one. */
const CACHED_TEXTS = 32;

/** What a write needs to know of its article. */
export interface ArticleWriteRules {
  locked: boolean;
}

/** An article with its paragraphs. */
export type ArticleWithText = ArticleRecord & { paragraphs: ArticleParagraph[] };

@Injectable()
export class ArticlesRepository {
  /** Paragraphs by article id, most recently used last. */
  private readonly texts = new Map<string, ArticleParagraph[]>();

  constructor(
    @InjectModel(Article.name) private readonly articles: Model<Article>,
    @InjectModel(ArticleText.name) private readonly articleTexts: Model<ArticleText>,
    @InjectModeratedFacts() private readonly moderated: ModeratedFacts,
  ) {}

  /** A ready article with its paragraphs. */
  async findById(id: string | Types.ObjectId): Promise<ArticleWithText | null> {
    const [article, paragraphs] = await Promise.all([this.findSummaryById(id), this.findParagraphs(id)]);
    return article && paragraphs ? { ...article, paragraphs } : null;
  }

  /** An article's paragraphs (null if it has no text), from memory when they were read before: an article's text never changes once imported. */
  async findParagraphs(id: string | Types.ObjectId): Promise<ArticleParagraph[] | null> {
    const key = String(id);
    const cached = this.texts.get(key);
    if (cached) {
      this.texts.delete(key);
      this.texts.set(key, cached);
      return cached;
    }
    const text = await this.articleTexts.findById(id, { paragraphs: 1 }).lean<Pick<ArticleTextRecord, 'paragraphs'>>().exec();
    if (!text) return null;
    this.texts.set(key, text.paragraphs);
    if (this.texts.size > CACHED_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    return text.paragraphs;
  }

  /** Without the paragraphs; null unless ready. The filter is by _id alone and the state checked here, as FerretDB indexes only `{_id}` lookups. */
  async findSummaryById(id: string | Types.ObjectId): Promise<ArticleRecord | null> {
    const article = await this.articles.findById(id).lean<ArticleRecord>().exec();
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
