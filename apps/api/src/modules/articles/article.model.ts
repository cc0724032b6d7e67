import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ArticleMetadata, ArticleParagraph } from '@agora/shared';
import { Schema as MongooseSchema, type Types } from 'mongoose';

@Schema({ collection: 'articles', versionKey: false })
export class Article {
  _id!: Types.ObjectId;
  @Prop({ required: true }) title!: string;
  @Prop({ required: true }) slug!: string;
  /** sha256 of the source: an unchanged article is never imported twice. */
  @Prop({ required: true }) hash!: string;
  @Prop({ type: MongooseSchema.Types.ObjectId, default: null }) rootNodeId!: Types.ObjectId | null;
  /** 'importing' until every node is written; readers only see 'ready' articles. */
  @Prop({ type: String, required: true, default: 'importing' }) state!: 'importing' | 'ready';
  @Prop({ default: false }) locked!: boolean;
  @Prop({ default: 0 }) paragraphCount!: number;
  @Prop({ default: 0 }) nodeCount!: number;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  /** Where the article comes from: the import's fields over the text's front matter. Absent on older articles. */
  @Prop({ type: Object, default: undefined }) metadata?: ArticleMetadata;
  /** The version of the text now shown (see ArticleRevisionDoc); absent (0) until the first revision. */
  @Prop({ type: Number, default: undefined }) revision?: number;
  @Prop({ type: Date, default: undefined }) revisedAt?: Date;
}

/** Its reply count and last activity follow from its tree (see ArticleTrees). */
export type ArticleRecord = Article;
export const ArticleSchema = SchemaFactory.createForClass(Article);
ArticleSchema.index({ hash: 1 }, { unique: true });
ArticleSchema.index({ slug: 1 }, { unique: true });
ArticleSchema.index({ createdAt: -1 });

/**
 * An article's current text, split, kept apart from the article: it changes only at a revision, and the
 * article document, which every vote and reply reads and every reply updates, stays small (FerretDB
 * reads and rewrites a document whole, so a 30 kB text made each of those cost milliseconds).
 */
@Schema({ collection: 'article_texts', versionKey: false })
export class ArticleText {
  /** The article's _id. */
  _id!: Types.ObjectId;
  /** The text as imported, before normalisation. */
  @Prop({ required: true }) source!: string;
  @Prop({ type: [Object], default: [] }) paragraphs!: ArticleParagraph[];
  /** The revision this text is (absent: 0, as imported). */
  @Prop({ type: Number, default: undefined }) revision?: number;
}

export type ArticleTextRecord = ArticleText;
export const ArticleTextSchema = SchemaFactory.createForClass(ArticleText);
