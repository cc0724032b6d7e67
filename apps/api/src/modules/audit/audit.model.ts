import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AuditAction, ReasonCode } from '@agora/shared';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/** One moderation action, kept for ever: nothing a moderator does goes unrecorded. */
@Schema({ collection: 'audit', versionKey: false })
export class AuditEntryDoc {
  _id!: Types.ObjectId;
  @Prop({ type: String, required: true }) action!: AuditAction;
  /** Null for actions the system takes itself (pre-moderation, the flag threshold). */
  @Prop({ type: MongooseSchema.Types.ObjectId, default: null }) actorId!: Types.ObjectId | null;
  @Prop({ type: String, default: null }) actorName!: string | null;
  @Prop({ type: String, required: true }) targetType!: 'node' | 'article' | 'user';
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) targetId!: Types.ObjectId;
  /** The user the target belongs to (a node's author, or the user), for their moderation history. */
  @Prop({ type: MongooseSchema.Types.ObjectId, default: null }) subjectUserId!: Types.ObjectId | null;
  /** Denormalised, like actorName, so the log reads without joins. */
  @Prop({ type: String, default: null }) subjectUserName!: string | null;
  /** The thread and node a node entry links to (null for users; an article's own id for articles). */
  @Prop({ type: MongooseSchema.Types.ObjectId, default: null }) articleId!: Types.ObjectId | null;
  @Prop({ type: String, default: null }) excerpt!: string | null;
  @Prop({ type: String, default: null }) reason!: string | null;
  @Prop({ type: String, default: null }) reasonCode!: ReasonCode | null;
  @Prop({ type: Object, default: null }) before!: Record<string, unknown> | null;
  @Prop({ type: Object, default: null }) after!: Record<string, unknown> | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntryDoc);
AuditEntrySchema.index({ createdAt: -1, _id: -1 });
AuditEntrySchema.index({ subjectUserId: 1, createdAt: -1 });
AuditEntrySchema.index({ actorId: 1, _id: -1 });
