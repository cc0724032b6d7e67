import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isValidObjectId } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { toRequestUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';

/** A token's user as the account now is, and when the token runs out (ms since the epoch). */
export interface Session {
  user: RequestUser;
  expiresAt: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  /** An access token for the account at its current token version (`tv`): moving that version revokes it. */
  sign(user: { _id: unknown; tokenVersion?: number }): string {
    return this.jwt.sign({ sub: String(user._id), tv: user.tokenVersion ?? 0 });
  }

  /** The session a token opens, or null when the token is invalid, expired, revoked or names no user. */
  async verify(token: string): Promise<Session | null> {
    let claims: { sub?: unknown; tv?: unknown; exp?: unknown };
    try {
      claims = this.jwt.verify<typeof claims>(token);
    } catch {
      return null;
    }
    const { sub, tv, exp } = claims;
    if (typeof sub !== 'string' || !isValidObjectId(sub) || typeof exp !== 'number') return null;
    let user = await this.users.findForRequest(sub);
    // A token newer than the cached account: the version moved where this process was not told (the
    // operator's promote), so the account is read afresh.
    if (user && typeof tv === 'number' && tv > (user.tokenVersion ?? 0)) user = await this.users.findForRequest(sub, true);
    if (!user || (typeof tv === 'number' ? tv : -1) !== (user.tokenVersion ?? 0)) return null;
    return { user: toRequestUser(user), expiresAt: exp * 1000 };
  }

  /** The user a token names, or null when the token is invalid, expired, revoked or names no user. */
  async userForToken(token: string): Promise<RequestUser | null> {
    return (await this.verify(token))?.user ?? null;
  }
}
