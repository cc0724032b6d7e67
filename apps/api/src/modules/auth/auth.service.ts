import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ERROR_CODES, type AuthResponse, type Credentials, type PublicUser } from '@agora/shared';
import * as argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { toPublicUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { TokenService } from './token.service';

const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;

@Injectable()
export class AuthService {
  /** Verified against when a username is unknown, so both failures take the same time. */
  private readonly decoyHash = argon2.hash('agora-decoy-password');

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register({ username, password }: Credentials): Promise<AuthResponse> {
    if (await this.users.findByUsername(username)) throw new DomainError(ERROR_CODES.USERNAME_TAKEN, 'That username is taken.');
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    // The first account becomes admin, unless ADMIN_USERNAME names who does.
    const named = this.config.ADMIN_USERNAME;
    const role = named ? (named.toLowerCase() === username.toLowerCase() ? 'admin' : 'participant') : (await this.users.countAll()) === 0 ? 'admin' : 'participant';
    try {
      const user = await this.users.create({ username, passwordHash, role });
      return { token: this.tokens.sign(String(user._id)), user: toPublicUser(user) };
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ERROR_CODES.USERNAME_TAKEN, 'That username is taken.');
      throw error;
    }
  }

  async login(username: string, password: string): Promise<AuthResponse> {
    const user = await this.users.findByUsername(username);
    const ok = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), password).catch(() => false);
    if (!user || !ok) throw new DomainError(ERROR_CODES.INVALID_CREDENTIALS, 'Wrong username or password.');
    return { token: this.tokens.sign(String(user._id)), user: toPublicUser(user) };
  }

  async me(userId: string): Promise<PublicUser> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Sign in again.');
    return toPublicUser(user);
  }
}
