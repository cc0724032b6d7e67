import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/**
 * A page of an article's recent live events, kept so that a reconnecting client can catch up and an
 * instance can fill a gap in what it was sent: the events one write stored together, seqs `seq` to
 * `lastSeq` (not always contiguous: several instances publish into one article).
 */
@Schema({ collection: 'live_log', versionKey: false })
export class LiveLogPageDoc {
  /** `${articleId}:${seq}`. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) articleId!: Types.ObjectId;
  @Prop({ required: true }) seq!: number;
  @Prop({ required: true }) lastSeq!: number;
  /** The events in seq order, `{name, payload}[]` as one JSON string: FerretDB encodes one string far cheaper than the fields it holds. */
  @Prop({ required: true }) events!: string;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const LiveLogPageSchema = SchemaFactory.createForClass(LiveLogPageDoc);
LiveLogPageSchema.index({ articleId: 1, seq: 1 }, { unique: true });
LiveLogPageSchema.index({ articleId: 1, lastSeq: 1 });
