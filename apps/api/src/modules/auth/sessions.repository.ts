import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { Session } from './session.model';

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');
/** 32 random bytes, base64url: what the cookie holds. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

@Injectable()
export class SessionsRepository {
  constructor(@InjectModel(Session.name) private readonly sessions: Model<Session>) {}

  /** Begins a session; the secret it returns goes only into the cookie. */
  async begin(userId: Types.ObjectId | string, tokenVersion: number, ttlDays: number): Promise<{ secret: string; expiresAt: Date }> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + ttlDays * 86_400_000);
    await this.sessions.create({ _id: hashOf(secret), userId: new Types.ObjectId(String(userId)), tokenVersion, expiresAt });
    return { secret, expiresAt };
  }

  /**
   * Takes the session a cookie names out of the store, atomically, so a secret renews at most once (a
   * copied cookie used after its owner's is refused); null when there is none or it ran out.
   */
  async take(secret: string): Promise<Session | null> {
    if (!SECRET.test(secret)) return null;
    const session = await this.sessions.findOneAndDelete({ _id: hashOf(secret) }).lean<Session>().exec();
    return session && new Date(session.expiresAt).getTime() > Date.now() ? session : null;
  }

  /** Ends one session (signing out on this device). */
  async end(secret: string): Promise<void> {
    if (SECRET.test(secret)) await this.sessions.deleteOne({ _id: hashOf(secret) }).exec();
  }

  /** Ends every session of an account (its token version moved too, which alone would refuse them). */
  async endAll(userId: string): Promise<void> {
    await this.sessions.deleteMany({ userId: new Types.ObjectId(userId) }).exec();
  }
}
