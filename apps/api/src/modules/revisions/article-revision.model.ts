import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ArticleParagraph } from '@agora/shared';
import { Schema as MongooseSchema, type Types } from 'mongoose';
import type { NodeRecord } from '../nodes/node.model';
import type { NodeChange } from './revision-plan';

/**
 * One version of an article's text. Revision 0 (the text as imported) is stored when the first
 * revision is made. A new revision is stored whole, with every node change it makes, before any node
 * is touched ('applying'), and marked 'applied' once the article shows it: a revision cut short is
 * finished from here, its changes applied again (they are absolute, so twice is the same as once).
 */
@Schema({ collection: 'article_revisions', versionKey: false, minimize: false })
export class ArticleRevisionDoc {
  _id!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) articleId!: Types.ObjectId;
  @Prop({ required: true }) revision!: number;
  @Prop({ type: String, required: true }) state!: 'applying' | 'applied';
  @Prop({ required: true }) title!: string;
  @Prop({ required: true }) source!: string;
  @Prop({ type: [Object], default: [] }) paragraphs!: ArticleParagraph[];
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: MongooseSchema.Types.ObjectId, default: null }) authorId!: Types.ObjectId | null;
  /** The node changes and new nodes of the revision; emptied once applied. */
  @Prop({ type: [Object], default: [] }) updates!: { id: Types.ObjectId; set: NodeChange }[];
  @Prop({ type: [Object], default: [] }) inserts!: NodeRecord[];
  /** What the revision did, as its answer said (ids of the nodes kept in place, moved, orphaned). */
  @Prop({ type: Object, default: null }) outcome!: { unchanged: string[]; reanchored: string[]; orphaned: string[]; created: number } | null;
}

export type ArticleRevisionRecord = ArticleRevisionDoc;
export const ArticleRevisionSchema = SchemaFactory.createForClass(ArticleRevisionDoc);
// One document per version: two moderators revising at once cannot both store the next one.
ArticleRevisionSchema.index({ articleId: 1, revision: 1 }, { unique: true });
