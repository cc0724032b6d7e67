import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ChildStrength, NodeStatus, NodeType } from '@agora/shared';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/** One argument node: the article's thesis, a paragraph claim, a sentence, or a reader's reply. */
/** What a parent keeps of each public child, so that its strength is computed without a query. */
export type ChildEntry = Required<ChildStrength>;
/**
 * A node's public children by id. A Map, not a plain object: V8 enumerates a plain object of a few
 * hundred keys in sorted order, and every reply enumerated its parent's (≈100 µs at 1,000 children).
 */
export type Children = Map<string, ChildEntry>;

// minimize off: an empty `children` map means "no public children", a missing one "not known yet".
@Schema({ collection: 'nodes', versionKey: false, minimize: false })
export class ArgumentNodeDoc {
  _id!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) articleId!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, default: null }) parentId!: Types.ObjectId | null;
  /** Ids from the root down to the parent, for subtree queries and lock checks. */
  @Prop({ type: [MongooseSchema.Types.ObjectId], default: [] }) ancestors!: Types.ObjectId[];
  @Prop({ required: true }) depth!: number;
  @Prop({ type: String, required: true }) type!: NodeType;
  @Prop({ required: true }) text!: string;
  @Prop({ type: MongooseSchema.Types.ObjectId, default: null }) authorId!: Types.ObjectId | null;
  /** Denormalised so that listings need no join. */
  @Prop({ type: String, default: null }) authorName!: string | null;
  @Prop({ type: String, required: true }) origin!: 'article' | 'user';
  @Prop({ type: Number, default: null }) paragraphIndex!: number | null;
  @Prop({ type: Number, default: null }) sentenceIndex!: number | null;
  @Prop({ type: Object, default: null }) anchor!: { exact: string; prefix: string; suffix: string; start: number; end: number } | null;
  @Prop({ type: String, required: true, default: 'visible' }) status!: NodeStatus;
  @Prop({ type: Object, required: true }) votes!: { count: number; sum: number; histogram: Record<string, number> };
  @Prop({ required: true, default: 0.5 }) strength!: number;
  @Prop({ type: Object, required: true }) replyCounts!: { support: number; rebuttal: number };
  /**
   * The public children by id with their type, origin and strength: the inputs of this node's
   * strength and reply counts, kept here so they are updated by primary key. Absent on nodes stored
   * before it existed; it is then rebuilt from the children themselves at the next change.
   */
  @Prop({ type: Object, default: undefined }) children?: Children;
  /** Open flags; at FLAG_THRESHOLD the node goes to review. */
  @Prop({ default: 0 }) flagCount!: number;
  @Prop({ default: false }) locked!: boolean;
  @Prop({ default: false }) pinned!: boolean;
  /** Withdrawn by its author: the text is gone, the replies stay. */
  @Prop({ default: false }) withdrawn!: boolean;
  /** Earlier texts, oldest first. */
  @Prop({ type: [Object], default: [] }) history!: { text: string; editedAt: Date }[];
  @Prop({ type: String, default: null }) attribution!: string | null;
  @Prop({ type: [String], default: undefined }) hedges?: string[];
  @Prop({ type: Boolean, default: undefined }) question?: boolean;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, default: null }) editedAt!: Date | null;
  @Prop({ default: 1 }) version!: number;
  /** Grows by one each time votes or strength are settled: orders live figures of this node (PublishedFigures). */
  @Prop({ default: 0 }) figuresVersion!: number;
}

export type NodeRecord = ArgumentNodeDoc;
export const NodeSchema = SchemaFactory.createForClass(ArgumentNodeDoc);
// The article tree in one indexed query; children pages by parent; a user's own nodes; the review queue.
NodeSchema.index({ articleId: 1, status: 1 });
NodeSchema.index({ parentId: 1, createdAt: -1 });
NodeSchema.index({ authorId: 1, createdAt: -1 });
NodeSchema.index({ status: 1, createdAt: -1 });
NodeSchema.index({ flagCount: 1 });
