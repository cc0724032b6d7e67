import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectConnection } from '@nestjs/mongoose';
import { isValidObjectId, type Connection } from 'mongoose';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import type { FactsMark } from '../../infra/cache/moderated-facts';
import { toRequestUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { instanceKey, SigningKeys, type InstanceKey } from './signing-keys';

/** A token's user as the account now is, and when the token runs out (ms since the epoch). */
export interface Session {
  user: RequestUser;
  expiresAt: number;
}

type Claims = { sub?: unknown; tv?: unknown; exp?: unknown };

/** Past this many tokens the cache of checked signatures starts over: memory is not free. */
const CHECKED_TOKENS = 20_000;

/**
 * Access tokens. With JWT_SECRET (shared by every instance), HS256 under it. Without, ES256 under this
 * instance's own key, whose public half every instance reads from the database (see SigningKeys).
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private readonly key: InstanceKey | null;
  private readonly keys: SigningKeys;
  /**
   * Tokens whose signature checked out, with their claims: a signature over the same string never
   * stops checking out (keys are never withdrawn), and checking an ES256 one cost every request
   * about a tenth of a millisecond. Expiry and the account's token version are still checked each time.
   */
  private readonly checkedTokens = new Map<string, Claims>();

  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectConnection() connection: Connection,
  ) {
    this.key = config.JWT_SECRET ? null : instanceKey(config.DATA_DIR);
    this.keys = new SigningKeys(connection);
  }

  async onModuleInit(): Promise<void> {
    if (this.key) await this.keys.publish(this.key);
  }

  /** An access token for the account at its current token version (`tv`): moving that version revokes it. */
  sign(user: { _id: unknown; tokenVersion?: number }): string {
    const claims = { sub: String(user._id), tv: user.tokenVersion ?? 0 };
    return this.key ? this.jwt.sign(claims, { secret: this.key.privateKey as never, algorithm: 'ES256', keyid: this.key.kid }) : this.jwt.sign(claims);
  }

  /** The session a token opens, or null when the token is invalid, expired, revoked or names no user. */
  async verify(token: string, since?: FactsMark): Promise<Session | null> {
    let claims = this.checkedTokens.get(token);
    if (!claims) {
      try {
        claims = await this.checked(token);
      } catch {
        return null;
      }
      if (this.checkedTokens.size >= CHECKED_TOKENS) this.checkedTokens.clear();
      this.checkedTokens.set(token, claims);
    }
    const { sub, tv, exp } = claims;
    if (typeof sub !== 'string' || !isValidObjectId(sub) || typeof exp !== 'number' || exp * 1000 <= Date.now()) return null;
    let user = await this.users.findForRequest(sub, false, since);
    // A token newer than the cached account: the version moved where this process was not told (the
    // operator's promote), so the account is read afresh.
    if (user && typeof tv === 'number' && tv > (user.tokenVersion ?? 0)) user = await this.users.findForRequest(sub, true);
    if (!user || (typeof tv === 'number' ? tv : -1) !== (user.tokenVersion ?? 0)) return null;
    return { user: toRequestUser(user), expiresAt: exp * 1000 };
  }

  /** The token's claims once its signature checks out under the key it names (or the shared secret). */
  private async checked(token: string): Promise<Claims> {
    if (!this.key) return this.jwt.verify(token);
    const header = (this.jwt.decode(token, { complete: true }) as { header?: { alg?: unknown; kid?: unknown } } | null)?.header;
    const publicKey = header?.alg === 'ES256' && typeof header.kid === 'string' ? await this.keys.find(header.kid) : null;
    if (!publicKey) throw new Error('no such signing key');
    return this.jwt.verify(token, { secret: publicKey as never, algorithms: ['ES256'] });
  }

  /** The user a token names, or null when the token is invalid, expired, revoked or names no user. */
  async userForToken(token: string): Promise<RequestUser | null> {
    // The request begins here: the facts its later steps ask for share the account's epoch read.
    const factsSince = this.users.factsMark();
    const session = await this.verify(token, factsSince);
    return session ? { ...session.user, factsSince } : null;
  }
}
