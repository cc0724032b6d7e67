import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/**
 * A page of an article's recent live events, kept so that a reconnecting client can catch up: the
 * events one write stored together, seqs `seq` to `lastSeq`. One document per event cost more than
 * the reply that caused it: FerretDB encodes every field of every document, and pruning by
 * `{articleId, seq}` read and decoded the whole log (see ReplayLogWriter, which prunes pages by _id).
 */
@Schema({ collection: 'live_log', versionKey: false })
export class LiveLogPageDoc {
  /** `${articleId}:${seq}`: a seq stored twice as a page's first is caught by a primary-key probe. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) articleId!: Types.ObjectId;
  @Prop({ required: true }) seq!: number;
  @Prop({ required: true }) lastSeq!: number;
  /** The events in seq order, `{name, payload}[]` as one JSON string (see packEvents). */
  @Prop({ required: true }) events!: string;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const LiveLogPageSchema = SchemaFactory.createForClass(LiveLogPageDoc);
LiveLogPageSchema.index({ articleId: 1, seq: 1 }, { unique: true });
