import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type UpdateQuery } from 'mongoose';
import { Article, type ArticleRecord } from './article.model';

const LIST_FIELDS = { source: 0, paragraphs: 0 } as const;

@Injectable()
export class ArticlesRepository {
  constructor(@InjectModel(Article.name) private readonly articles: Model<Article>) {}

  findById(id: string | Types.ObjectId): Promise<ArticleRecord | null> {
    return this.articles.findOne({ _id: id, state: 'ready' }, { source: 0 }).lean<ArticleRecord>().exec();
  }

  /** Without the paragraphs, for locks and counters. */
  findSummaryById(id: string | Types.ObjectId): Promise<ArticleRecord | null> {
    return this.articles.findOne({ _id: id, state: 'ready' }, LIST_FIELDS).lean<ArticleRecord>().exec();
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
    return this.articles.findByIdAndUpdate(id, update, { new: true, projection: LIST_FIELDS }).lean<ArticleRecord>().exec();
  }

  /** Marks activity and counts a new reply. */
  touch(id: string | Types.ObjectId, replies: number): Promise<unknown> {
    return this.articles.updateOne({ _id: id }, { $set: { lastActivityAt: new Date() }, $inc: { replyCount: replies, nodeCount: replies } }).exec();
  }

  /** Allocates the next live event sequence number atomically, so instances never share one. */
  async nextSeq(id: string | Types.ObjectId): Promise<number> {
    const doc = await this.articles.findOneAndUpdate({ _id: id }, { $inc: { seq: 1 } }, { new: true, projection: { seq: 1 } }).lean<Pick<ArticleRecord, 'seq'>>().exec();
    if (!doc) throw new Error(`article ${String(id)} vanished while allocating a sequence number`);
    return doc.seq;
  }

  async currentSeq(id: string | Types.ObjectId): Promise<number | null> {
    const doc = await this.articles.findById(id, { seq: 1 }).lean<Pick<ArticleRecord, 'seq'>>().exec();
    return doc ? doc.seq : null;
  }
}
