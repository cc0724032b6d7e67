import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** An article's live sequence: the seq of its latest event, moved by one atomic `$inc` per event. */
@Schema({ collection: 'live_counters', versionKey: false })
export class LiveCounterDoc {
  /** The article's id. */
  @Prop({ type: String }) _id!: string;
  @Prop({ required: true, default: 0 }) seq!: number;
}

export const LiveCounterSchema = SchemaFactory.createForClass(LiveCounterDoc);
