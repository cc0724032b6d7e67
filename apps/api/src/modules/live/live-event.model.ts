import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/** An article's recent live events, kept so that a reconnecting client can catch up. */
@Schema({ collection: 'live_events', versionKey: false })
export class LiveEventDoc {
  /** `${articleId}:${seq}`, so that a lost race for a seq is caught by a primary-key probe. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) articleId!: Types.ObjectId;
  @Prop({ required: true }) seq!: number;
  @Prop({ required: true }) name!: string;
  @Prop({ type: Object, required: true }) payload!: Record<string, unknown>;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const LiveEventSchema = SchemaFactory.createForClass(LiveEventDoc);
LiveEventSchema.index({ articleId: 1, seq: 1 }, { unique: true });
