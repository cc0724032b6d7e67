import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ERROR_CODES, type AuthResponse, type Credentials, type PasswordChange, type PublicUser } from '@agora/shared';
import * as argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { toPublicUser } from '../users/user.mapper';
import { UsersRepository, type UserRecord } from '../users/users.repository';
import { assertStrongPassword } from './password-strength';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';

/** A sign-in: the answer for the page, and the session its httpOnly cookie carries (see AuthController). */
export interface SignedIn {
  body: AuthResponse;
  session: { secret: string; expiresAt: Date };
}

const isDuplicateKey = (e: unknown): boolean => (e as { code?: number })?.code === 11000;
const WRONG = 'Wrong username or password.';

@Injectable()
export class AuthService {
  /** Verified against when a username is unknown, so both failures take the same time. */
  private readonly decoyHash = argon2.hash('agora-decoy-password');

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every account starts as a participant: admins are made by the operator (`npm run admin -- promote`). */
  async register({ username, password }: Credentials): Promise<SignedIn> {
    assertStrongPassword(password, [username]);
    if (await this.users.findByUsername(username)) throw new DomainError(ERROR_CODES.USERNAME_TAKEN, 'That username is taken.');
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    try {
      const user = await this.users.create({ username, passwordHash, role: 'participant' });
      return this.session(user);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError(ERROR_CODES.USERNAME_TAKEN, 'That username is taken.');
      throw error;
    }
  }

  /**
   * Besides the per-address rate limit, each account backs off on its own: past LOGIN_BACKOFF_AFTER
   * wrong passwords in a row, sign-in is locked for 1 s, 2 s, 4 s... (up to LOGIN_BACKOFF_MAX_SECONDS),
   * whatever address the guesses come from; while locked, no password is even tried.
   */
  async login(username: string, password: string): Promise<SignedIn> {
    const user = await this.users.findByUsername(username);
    this.assertNotLocked(user);
    const ok = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), password).catch(() => false);
    if (!user) throw new DomainError(ERROR_CODES.INVALID_CREDENTIALS, WRONG);
    if (!ok) {
      await this.users.recordFailedLogin(user._id, this.config.LOGIN_BACKOFF_AFTER, this.config.LOGIN_BACKOFF_MAX_SECONDS);
      throw new DomainError(ERROR_CODES.INVALID_CREDENTIALS, WRONG);
    }
    if (user.failedLogins) await this.users.recordLogin(user._id);
    return this.session(user);
  }

  /** Ends every session of the account: all its tokens, on every device, are refused from now on. */
  async logout(userId: string): Promise<void> {
    await this.users.revokeTokens(userId);
    await this.sessions.endAll(userId);
  }

  /** Signs out this device only: its session cookie renews nothing any more. */
  endSession(secret: string | undefined): Promise<void> {
    return secret ? this.sessions.end(secret) : Promise.resolve();
  }

  /**
   * A new access token for the session a cookie names, which is replaced by a new one (the old secret
   * renews nothing again). Refused once the account logged out everywhere or changed its password.
   */
  async refresh(secret: string | undefined): Promise<SignedIn> {
    const session = secret ? await this.sessions.take(secret) : null;
    const user = session ? await this.users.findById(session.userId) : null;
    if (!session || !user || (user.tokenVersion ?? 0) !== session.tokenVersion) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Your session has ended: sign in again.');
    return this.session(user);
  }

  /** A new password ends every other session; the answer carries a token for this one. */
  async changePassword(userId: string, { currentPassword, newPassword }: PasswordChange): Promise<SignedIn> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Sign in again.');
    this.assertNotLocked(user);
    if (!(await argon2.verify(user.passwordHash, currentPassword).catch(() => false))) {
      await this.users.recordFailedLogin(user._id, this.config.LOGIN_BACKOFF_AFTER, this.config.LOGIN_BACKOFF_MAX_SECONDS);
      throw new DomainError(ERROR_CODES.INVALID_CREDENTIALS, 'The current password is wrong.');
    }
    assertStrongPassword(newPassword, [user.username]);
    const updated = await this.users.setPasswordHash(userId, await argon2.hash(newPassword, { type: argon2.argon2id }));
    if (!updated) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Sign in again.');
    await this.sessions.endAll(userId);
    return this.session(updated);
  }

  async me(userId: string): Promise<PublicUser> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Sign in again.');
    return toPublicUser(user);
  }

  private assertNotLocked(user: UserRecord | null): void {
    const until = user?.loginLockedUntil ? new Date(user.loginLockedUntil).getTime() : 0;
    if (until > Date.now()) {
      const retryAfter = Math.ceil((until - Date.now()) / 1000);
      throw new DomainError(ERROR_CODES.RATE_LIMITED, `Too many wrong passwords for this account: try again in ${retryAfter} s.`, { retryAfter });
    }
  }

  private async session(user: UserRecord): Promise<SignedIn> {
    const session = await this.sessions.begin(user._id, user.tokenVersion ?? 0, this.config.SESSION_TTL_DAYS);
    return { body: { token: this.tokens.sign(user), user: toPublicUser(user) }, session };
  }
}
