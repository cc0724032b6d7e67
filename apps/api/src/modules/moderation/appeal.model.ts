import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AppealStatus, ReasonCode } from '@agora/shared';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/**
 * An author's appeal of a moderator's decision on their post. The unique index on the decision makes it
 * one appeal per decision; the deciding moderator is kept so that someone else decides the appeal.
 */
@Schema({ collection: 'appeals', versionKey: false })
export class AppealDoc {
  _id!: Types.ObjectId;
  /** The audit entry of the decision appealed. */
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) decisionId!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) nodeId!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) articleId!: Types.ObjectId;
  @Prop({ type: String, default: '' }) excerpt!: string;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) authorId!: Types.ObjectId;
  @Prop({ type: String, default: null }) authorName!: string | null;
  @Prop({ type: String, required: true }) action!: 'hide' | 'remove';
  @Prop({ type: MongooseSchema.Types.ObjectId, default: null }) decidedById!: Types.ObjectId | null;
  @Prop({ type: String, default: null }) decidedByName!: string | null;
  @Prop({ type: String, default: null }) reason!: string | null;
  @Prop({ type: String, default: null }) reasonCode!: ReasonCode | null;
  @Prop({ type: String, required: true }) statement!: string;
  @Prop({ type: String, required: true, default: 'open' }) status!: AppealStatus;
  @Prop({ type: MongooseSchema.Types.ObjectId, default: null }) resolvedById!: Types.ObjectId | null;
  @Prop({ type: String, default: null }) resolvedByName!: string | null;
  @Prop({ type: String, default: null }) resolution!: string | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, default: null }) resolvedAt!: Date | null;
}

export type AppealRecord = AppealDoc;
export const AppealSchema = SchemaFactory.createForClass(AppealDoc);
AppealSchema.index({ decisionId: 1 }, { unique: true });
AppealSchema.index({ status: 1, _id: -1 });
