import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { NOTIFICATION_KINDS, type NotificationKind, type ReasonCode } from '@agora/shared';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/**
 * One notification of one reader. The id says what it is about (kind, reader, node), so a retried
 * write never notifies twice, and a node's votes gather in one summary per reader.
 */
@Schema({ collection: 'notifications', versionKey: false })
export class NotificationDoc {
  @Prop({ type: String, required: true }) _id!: string;
  /** The reader notified. */
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) userId!: Types.ObjectId;
  @Prop({ type: String, enum: NOTIFICATION_KINDS, required: true }) kind!: NotificationKind;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) nodeId!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) articleId!: Types.ObjectId;
  @Prop({ type: String, default: null }) actorName!: string | null;
  /** Moderation: the decision and its reason. Replies and mentions are read from their node when listed, so hidden text never shows. */
  @Prop({ type: String, default: '' }) text!: string;
  /** Moderation: the category of the reason. */
  @Prop({ type: String, default: null }) reasonCode?: ReasonCode | null;
  /** Votes: new ratings since the reader last marked it read (absent right after, see readCount). */
  @Prop({ type: Number, default: 0 }) count!: number;
  /** Votes: the count the reader saw when they marked it read. */
  @Prop({ type: Number }) readCount?: number;
  @Prop({ type: Boolean, default: false }) read!: boolean;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export type NotificationRecord = NotificationDoc;
export const NotificationSchema = SchemaFactory.createForClass(NotificationDoc);
NotificationSchema.index({ userId: 1, createdAt: -1 });
NotificationSchema.index({ userId: 1, read: 1 });
