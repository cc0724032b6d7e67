import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AppealStatus, NodeStatus, NodeType, ReasonCode } from '@agora/shared';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/**
 * One argument node: the article's thesis, a paragraph claim, a sentence, or a reader's reply. What it
 * stores is what cannot be recomputed; its strength and reply counts follow from the tree (see ArticleTree).
 */
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
  /** Moved by `$inc` with every vote, in the same update as `votesVersion`. */
  @Prop({ type: Object, required: true }) votes!: { count: number; sum: number; histogram: Record<string, number> };
  /** Grows by one with every change of `votes`: newer totals win wherever they meet older ones. */
  @Prop({ default: 0 }) votesVersion!: number;
  /** Open flags; at FLAG_THRESHOLD the node goes to review. */
  @Prop({ default: 0 }) flagCount!: number;
  @Prop({ default: false }) locked!: boolean;
  @Prop({ default: false }) pinned!: boolean;
  /** Slow mode: seconds one reader must wait between replies anywhere beneath this node (0: off). */
  @Prop({ type: Number, default: 0 }) slowModeSeconds?: number;
  /** Withdrawn by its author: the text is gone, the replies stay. */
  @Prop({ default: false }) withdrawn!: boolean;
  /**
   * Earlier texts, oldest first, the last NODE_HISTORY_KEPT only: each with when it was written and the
   * node's status while it was current (absent on versions kept before statuses were).
   */
  @Prop({ type: [Object], default: [] }) history!: { text: string; editedAt: Date; status?: NodeStatus }[];
  @Prop({ type: String, default: null }) attribution!: string | null;
  @Prop({ type: [String], default: undefined }) hedges?: string[];
  @Prop({ type: Boolean, default: undefined }) question?: boolean;
  /** A paragraph's claim: whether it argues for or against the article's thesis (null: it makes no claim). */
  @Prop({ type: String, default: undefined }) stance?: 'for' | 'against' | null;
  /** The decision that hid or removed it, for its author to read and appeal; null while it is in view. */
  @Prop({ type: Object, default: null }) moderation!: NodeModerationRecord | null;
  /**
   * Set when a revision of the article's text left the node without its place (see RevisionsService):
   * the passage it was anchored to, its paragraph then, and the revision. Absent or null otherwise.
   */
  @Prop({ type: Object, default: undefined }) orphan?: NodeOrphan | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, default: null }) editedAt!: Date | null;
  /** Grows by one with every change of anything but the votes: newer fields win wherever they meet older ones. */
  @Prop({ default: 1 }) version!: number;
}

export interface NodeModerationRecord {
  decisionId: Types.ObjectId;
  action: 'hide' | 'remove';
  reason: string | null;
  reasonCode: ReasonCode | null;
  decidedAt: Date;
  /** Who decided: an appeal goes to anyone else. */
  decidedBy: Types.ObjectId | null;
  appeal: AppealStatus | null;
}

export interface NodeOrphan {
  exact: string | null;
  paragraphIndex: number | null;
  revision: number;
}

export type NodeRecord = ArgumentNodeDoc;
export const NodeSchema = SchemaFactory.createForClass(ArgumentNodeDoc);
// An article's public tree in one indexed query; children by parent; a user's own nodes; the review queue.
NodeSchema.index({ articleId: 1, status: 1 });
NodeSchema.index({ parentId: 1, createdAt: -1 });
NodeSchema.index({ authorId: 1, createdAt: -1 });
NodeSchema.index({ status: 1, createdAt: -1 });
NodeSchema.index({ flagCount: 1 });
