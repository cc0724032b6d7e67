import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/**
 * One sign-in on one device: what its httpOnly cookie renews access tokens with. Stored by the hash of
 * the cookie's secret, so the database holds nothing that opens a session.
 */
@Schema({ collection: 'sessions', versionKey: false })
export class Session {
  /** sha256 of the cookie's random secret, hex. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) userId!: Types.ObjectId;
  /** The account's token version when it began: "log out everywhere" and a new password move it past. */
  @Prop({ required: true }) tokenVersion!: number;
  @Prop({ type: Date, required: true }) expiresAt!: Date;
  @Prop({ type: Date, default: () => new Date() }) createdAt!: Date;
}

export const SessionSchema = SchemaFactory.createForClass(Session);
SessionSchema.index({ userId: 1 });
