import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError, ERROR_CODES } from '@agora/shared';
import { InjectModeratedFacts } from '../../infra/cache/moderated-facts.module';
import type { FactsMark, ModeratedFacts } from '../../infra/cache/moderated-facts';
import { InjectModel } from '@nestjs/mongoose';
import type { Role } from '@agora/shared';
import type { Model, Types } from 'mongoose';
import { AccountChanges } from './account-changes';
import { User } from './user.model';

export type UserRecord = User;

/** What a request needs to know of the account it acts as. */
const REQUEST_ACCOUNT = { username: 1, role: 1, suspendedUntil: 1, banned: 1, tokenVersion: 1, createdAt: 1 } as const;
export type RequestAccount = Pick<UserRecord, '_id' | 'username' | 'role' | 'suspendedUntil' | 'banned' | 'tokenVersion'> & Partial<Pick<UserRecord, 'createdAt'>>;

/**
 * The number of admins, kept beside the accounts so that "never the last admin" holds with single-document
 * atomic writes: a demotion first takes a seat from this count (only while more than one is left), a
 * promotion adds one once stored. A crash between the two writes leaves the count low, which can only
 * refuse a demotion, never allow the last one.
 */
const ADMIN_SEATS = 'admin-seats';
interface SettingDoc {
  _id: string;
  count?: number;
}

export type PromoteOutcome = 'promoted' | 'already-admin' | 'no-such-user';

@Injectable()
export class UsersRepository implements OnModuleInit {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModeratedFacts() private readonly moderated: ModeratedFacts,
    private readonly changes: AccountChanges,
  ) {}

  private get settings() {
    return this.users.db.collection<SettingDoc>('settings');
  }

  /** The admin count starts from the accounts themselves the first time (databases from before it). */
  async onModuleInit(): Promise<void> {
    const admins = await this.countByRole('admin');
    await this.settings.updateOne({ _id: ADMIN_SEATS }, { $setOnInsert: { count: admins } }, { upsert: true });
  }

  findById(id: string | Types.ObjectId): Promise<UserRecord | null> {
    return this.users.findById(id).lean<UserRecord>().exec();
  }

  /**
   * The account a request acts as: its role and standing change only by moderation, so they are
   * cached (see ModeratedFacts), and only they: no password hash is kept in memory.
   */
  findForRequest(id: string, fresh = false, since?: FactsMark): Promise<RequestAccount | null> {
    const load = () => this.users.findById(id, REQUEST_ACCOUNT).lean<RequestAccount>().exec();
    return fresh ? load() : this.moderated.get(`user:${id}`, load, since);
  }

  /** Where a request begins among the reads of moderated facts (see ModeratedFacts.mark). */
  factsMark(): FactsMark {
    return this.moderated.mark();
  }

  findByUsername(username: string): Promise<UserRecord | null> {
    return this.users.findOne({ usernameLower: username.toLowerCase() }).lean<UserRecord>().exec();
  }

  /** Accounts by name, case-insensitively (`names` lower-cased). */
  findManyByUsernames(names: string[]): Promise<UserRecord[]> {
    if (names.length === 0) return Promise.resolve([]);
    return this.users.find({ usernameLower: { $in: names } }, { passwordHash: 0 }).lean<UserRecord[]>().exec();
  }

  /**
   * Accounts whose name starts with `prefix` (any case), in name order after the name `after`; the
   * anchored pattern on the lower-cased name walks its unique index.
   */
  searchByPrefix(prefix: string, after: string | undefined, limit: number): Promise<UserRecord[]> {
    const escaped = prefix.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const filter: Record<string, unknown> = { usernameLower: { $regex: `^${escaped}`, ...(after ? { $gt: after } : {}) } };
    return this.users.find(filter, { passwordHash: 0 }).sort({ usernameLower: 1 }).limit(limit).lean<UserRecord[]>().exec();
  }

  findManyByIds(ids: (string | Types.ObjectId)[]): Promise<UserRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users.find({ _id: { $in: ids } }).lean<UserRecord[]>().exec();
  }

  async create(data: { username: string; passwordHash: string; role: Role }): Promise<UserRecord> {
    const doc = await this.users.create({ ...data, usernameLower: data.username.toLowerCase() });
    return doc.toObject() as UserRecord;
  }

  countAll(): Promise<number> {
    return this.users.estimatedDocumentCount().exec();
  }

  countByRole(role: Role): Promise<number> {
    return this.users.countDocuments({ role }).exec();
  }

  /** Standing changes (suspension, ban); roles change through changeRole. */
  update(id: string, set: Partial<Pick<User, 'suspendedUntil' | 'suspendReason' | 'banned' | 'banReason'>>): Promise<UserRecord | null> {
    return this.announced(id, () => this.users.findByIdAndUpdate(id, { $set: set }, { returnDocument: 'after' }).lean<UserRecord>().exec());
  }

  /**
   * Moves an account from role `from` to `to`, only if it still has `from` (null: it changed meanwhile).
   * Taking away the last admin's role is refused with FORBIDDEN, also when two admins demote each other
   * at once: each demotion first takes a seat from the admin count, which never goes below one.
   */
  async changeRole(id: string, from: Role, to: Role): Promise<UserRecord | null> {
    if (from === to) return this.findById(id);
    const leavesAdmins = from === 'admin';
    if (leavesAdmins) {
      const seat = await this.settings.findOneAndUpdate({ _id: ADMIN_SEATS, count: { $gt: 1 } }, { $inc: { count: -1 } });
      if (!seat) throw new DomainError(ERROR_CODES.FORBIDDEN, 'This is the last admin: appoint another admin before changing this role.');
    }
    const updated = await this.announced(id, () => this.users.findOneAndUpdate({ _id: id, role: from }, { $set: { role: to } }, { returnDocument: 'after' }).lean<UserRecord>().exec());
    if (leavesAdmins && !updated) await this.settings.updateOne({ _id: ADMIN_SEATS }, { $inc: { count: 1 } });
    if (to === 'admin' && updated) await this.settings.updateOne({ _id: ADMIN_SEATS }, { $inc: { count: 1 } }, { upsert: true });
    return updated;
  }

  /**
   * Makes an existing account admin (the operator's `npm run admin -- promote`). Its tokens are
   * revoked too: an instance that does not share Redis with the caller may hold the account's old
   * role for a while, and a new sign-in is read afresh everywhere.
   */
  async promoteToAdmin(username: string): Promise<PromoteOutcome> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const user = await this.findByUsername(username);
      if (!user) return 'no-such-user';
      if (user.role === 'admin') return 'already-admin';
      const updated = await this.changeRole(String(user._id), user.role, 'admin');
      if (updated) {
        await this.revokeTokens(String(user._id));
        return 'promoted';
      }
    }
    throw new Error(`The role of ${username} kept changing; try again.`);
  }

  /** Moves the account's token version: every token issued before is refused from the next request on. */
  revokeTokens(id: string): Promise<UserRecord | null> {
    return this.announced(id, () => this.users.findByIdAndUpdate(id, { $inc: { tokenVersion: 1 } }, { returnDocument: 'after' }).lean<UserRecord>().exec());
  }

  setPasswordHash(id: string, passwordHash: string): Promise<UserRecord | null> {
    return this.announced(id, () => this.users.findByIdAndUpdate(id, { $set: { passwordHash }, $inc: { tokenVersion: 1 } }, { returnDocument: 'after' }).lean<UserRecord>().exec());
  }

  /** Counts a wrong password; from the `after`-th on, sign-in is locked for twice as long each time, up to `maxSeconds`. */
  async recordFailedLogin(id: Types.ObjectId, after: number, maxSeconds: number): Promise<void> {
    const user = await this.users.findByIdAndUpdate(id, { $inc: { failedLogins: 1 } }, { returnDocument: 'after' }).lean<Pick<UserRecord, 'failedLogins'>>().exec();
    const over = (user?.failedLogins ?? 0) - after;
    if (over < 0) return;
    const seconds = Math.min(maxSeconds, 2 ** Math.min(over, 30));
    await this.users.updateOne({ _id: id }, { $max: { loginLockedUntil: new Date(Date.now() + seconds * 1000) } }).exec();
  }

  recordLogin(id: Types.ObjectId): Promise<unknown> {
    return this.users.updateOne({ _id: id, failedLogins: { $ne: 0 } }, { $set: { failedLogins: 0, loginLockedUntil: null } }).exec();
  }

  /** A change of what requests and sockets know of an account: cached facts dropped, then open sessions told. */
  private async announced<T>(id: string, change: () => Promise<T>): Promise<T> {
    try {
      return await this.moderated.changing(change);
    } finally {
      this.changes.announce(id);
    }
  }
}
