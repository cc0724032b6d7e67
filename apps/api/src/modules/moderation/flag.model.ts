import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { FLAG_REASONS } from '@agora/shared';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/** One reader's report that a node breaks the rules; the unique index makes it one per user per node. */
@Schema({ collection: 'flags', versionKey: false })
export class FlagDoc {
  _id!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) nodeId!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) articleId!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) userId!: Types.ObjectId;
  /** Denormalised for the review queue. */
  @Prop({ type: String, default: null }) username!: string | null;
  @Prop({ type: String, required: true }) reason!: (typeof FLAG_REASONS)[number];
  @Prop({ type: String, default: null }) note!: string | null;
  /** Open until a moderator approves or restores the node; only open flags count toward the threshold. */
  @Prop({ type: String, required: true, default: 'open' }) status!: 'open' | 'resolved';
  /** What it counts toward the review threshold (see flagWeight), fixed when it is raised. */
  @Prop({ type: Number, default: 1 }) weight!: number;
  /** Whether moderators agreed (hid or removed the node) or not (approved or restored it): its author's accuracy. */
  @Prop({ type: String, default: null }) outcome!: 'agreed' | 'disagreed' | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export type FlagRecord = FlagDoc;
export const FlagSchema = SchemaFactory.createForClass(FlagDoc);
FlagSchema.index({ nodeId: 1, userId: 1 }, { unique: true });
FlagSchema.index({ nodeId: 1, status: 1 });
FlagSchema.index({ userId: 1, outcome: 1 });
