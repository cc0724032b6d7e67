import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/** One user's 1-5 strength vote on one node; the unique index makes it one vote per user per node. */
@Schema({ collection: 'votes', versionKey: false })
export class VoteDoc {
  /** `${nodeId}:${userId}`: one vote per user per node by construction, found by primary key. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) nodeId!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) userId!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) articleId!: Types.ObjectId;
  @Prop({ required: true, min: 1, max: 5 }) value!: number;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}

export const VoteSchema = SchemaFactory.createForClass(VoteDoc);
VoteSchema.index({ nodeId: 1, userId: 1 }, { unique: true });
VoteSchema.index({ userId: 1, articleId: 1 });
