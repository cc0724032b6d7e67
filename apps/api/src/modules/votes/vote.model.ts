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
  /** 1 to 5; null once withdrawn (the document stays, so that its `pending` mark outlives the withdrawal). */
  @Prop({ type: Number, default: null, min: 1, max: 5 }) value!: number | null;
  /**
   * Changes of this vote whose move of the node's totals is not known to be done: each change adds one
   * in the same update that stores it, and takes it back once the totals moved. A mark left behind
   * (the process died between) is found by the repair sweep, which recounts the node (VoteRepair).
   */
  @Prop({ default: 0 }) pending!: number;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}

export const VoteSchema = SchemaFactory.createForClass(VoteDoc);
VoteSchema.index({ nodeId: 1, userId: 1 }, { unique: true });
VoteSchema.index({ userId: 1, articleId: 1 });
VoteSchema.index({ pending: 1, updatedAt: 1 });
