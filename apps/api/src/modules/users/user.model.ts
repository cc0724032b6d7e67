import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Role } from '@agora/shared';
import type { Types } from 'mongoose';

@Schema({ collection: 'users', versionKey: false })
export class User {
  _id!: Types.ObjectId;
  /** As registered, for display. */
  @Prop({ required: true }) username!: string;
  /** Lower-cased, unique: names are unique case-insensitively. */
  @Prop({ required: true }) usernameLower!: string;
  @Prop({ required: true }) passwordHash!: string;
  @Prop({ type: String, required: true, default: 'participant' }) role!: Role;
  @Prop({ type: Date, default: null }) suspendedUntil!: Date | null;
  @Prop({ type: String, default: null }) suspendReason!: string | null;
  @Prop({ default: false }) banned!: boolean;
  @Prop({ type: String, default: null }) banReason!: string | null;
  /** Moves on logout, "log out everywhere" and password change: tokens that carry an older one are refused. */
  @Prop({ default: 0 }) tokenVersion!: number;
  /** Wrong passwords since the last sign-in: past LOGIN_BACKOFF_AFTER, each one locks sign-in for longer. */
  @Prop({ default: 0 }) failedLogins!: number;
  @Prop({ type: Date, default: null }) loginLockedUntil!: Date | null;
  @Prop({ type: Date, default: () => new Date() }) createdAt!: Date;
}

export const UserSchema = SchemaFactory.createForClass(User);
UserSchema.index({ usernameLower: 1 }, { unique: true });
