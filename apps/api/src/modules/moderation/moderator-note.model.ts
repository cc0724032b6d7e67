import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/** A moderator's private note on a user, for the moderators who deal with them next. */
@Schema({ collection: 'moderator_notes', versionKey: false })
export class ModeratorNoteDoc {
  _id!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) userId!: Types.ObjectId;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) authorId!: Types.ObjectId;
  @Prop({ type: String, required: true }) authorName!: string;
  @Prop({ type: String, required: true }) text!: string;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const ModeratorNoteSchema = SchemaFactory.createForClass(ModeratorNoteDoc);
ModeratorNoteSchema.index({ userId: 1, _id: -1 });
