import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { ArticleRevisionDoc, type ArticleRevisionRecord } from './article-revision.model';

const oid = (id: string | Types.ObjectId): Types.ObjectId => (typeof id === 'string' ? new Types.ObjectId(id) : id);

export type RevisionListing = Pick<ArticleRevisionRecord, 'revision' | 'title' | 'createdAt' | 'state'>;

@Injectable()
export class ArticleRevisionsRepository {
  constructor(@InjectModel(ArticleRevisionDoc.name) private readonly revisions: Model<ArticleRevisionDoc>) {}

  /** The article's versions without their texts, oldest first. */
  list(articleId: string | Types.ObjectId): Promise<RevisionListing[]> {
    return this.revisions.find({ articleId: oid(articleId) }, { revision: 1, title: 1, createdAt: 1, state: 1 }).sort({ revision: 1 }).lean<RevisionListing[]>().exec();
  }

  find(articleId: string | Types.ObjectId, revision: number): Promise<ArticleRevisionRecord | null> {
    return this.revisions.findOne({ articleId: oid(articleId), revision }).lean<ArticleRevisionRecord>().exec();
  }

  /** A revision stored but not applied to the end (its process died), if the article has one. */
  findApplying(articleId: string | Types.ObjectId): Promise<ArticleRevisionRecord | null> {
    return this.revisions.findOne({ articleId: oid(articleId), state: 'applying' }).lean<ArticleRevisionRecord>().exec();
  }

  /** Stores a version unless it is there already (the text as imported, kept at the first revision). */
  async keep(revision: Omit<ArticleRevisionRecord, '_id'>): Promise<void> {
    await this.revisions.updateOne({ articleId: revision.articleId, revision: revision.revision }, { $setOnInsert: { _id: new Types.ObjectId(), ...revision } }, { upsert: true }).exec();
  }

  /** Stores a new version; throws a duplicate key error if another one took its number first. */
  async insert(revision: Omit<ArticleRevisionRecord, '_id'>): Promise<void> {
    await this.revisions.collection.insertOne({ _id: new Types.ObjectId(), ...revision });
  }

  /** Marks a version applied and lets go of its node changes, which are no longer needed. */
  async markApplied(articleId: Types.ObjectId, revision: number): Promise<void> {
    await this.revisions.updateOne({ articleId, revision }, { $set: { state: 'applied', updates: [], inserts: [] } }).exec();
  }
}
