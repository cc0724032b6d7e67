import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isValidObjectId } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { toRequestUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  sign(userId: string): string {
    return this.jwt.sign({ sub: userId });
  }

  /** The user a token names, or null when the token is invalid, expired or names no user. */
  async userForToken(token: string): Promise<RequestUser | null> {
    let sub: unknown;
    try {
      sub = this.jwt.verify<{ sub?: unknown }>(token).sub;
    } catch {
      return null;
    }
    if (typeof sub !== 'string' || !isValidObjectId(sub)) return null;
    const user = await this.users.findForRequest(sub);
    return user ? toRequestUser(user) : null;
  }
}
