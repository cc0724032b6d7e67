import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * An article's counters, each moved by one atomic update: the seq of its latest live event (every
 * instance numbers events from it), and for its listing the readers' public replies and the time of
 * the latest, moved in the same update as the seq of the event that announces them.
 */
@Schema({ collection: 'article_counters', versionKey: false })
export class ArticleCounterDoc {
  /** The article's id. */
  @Prop({ type: String }) _id!: string;
  @Prop({ required: true, default: 0 }) seq!: number;
  @Prop({ default: 0 }) replies!: number;
  @Prop({ type: Date, default: null }) lastActivityAt!: Date | null;
}

export const ArticleCounterSchema = SchemaFactory.createForClass(ArticleCounterDoc);
