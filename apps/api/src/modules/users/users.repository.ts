import { Injectable } from '@nestjs/common';
import { InjectModeratedFacts } from '../../infra/cache/moderated-facts.module';
import type { ModeratedFacts } from '../../infra/cache/moderated-facts';
import { InjectModel } from '@nestjs/mongoose';
import type { Role } from '@agora/shared';
import type { Model, Types } from 'mongoose';
import { User } from './user.model';

export type UserRecord = User;

/** What a request needs to know of the account it acts as. */
const REQUEST_ACCOUNT = { username: 1, role: 1, suspendedUntil: 1, banned: 1 } as const;
export type RequestAccount = Pick<UserRecord, '_id' | 'username' | 'role' | 'suspendedUntil' | 'banned'>;

@Injectable()
export class UsersRepository {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModeratedFacts() private readonly moderated: ModeratedFacts,
  ) {}

  findById(id: string | Types.ObjectId): Promise<UserRecord | null> {
    return this.users.findById(id).lean<UserRecord>().exec();
  }

  /**
   * The account a request acts as: its role and standing change only by moderation, so they are
   * cached (see ModeratedFacts), and only they: no password hash is kept in memory.
   */
  findForRequest(id: string): Promise<RequestAccount | null> {
    return this.moderated.get(`user:${id}`, () => this.users.findById(id, REQUEST_ACCOUNT).lean<RequestAccount>().exec());
  }

  findByUsername(username: string): Promise<UserRecord | null> {
    return this.users.findOne({ usernameLower: username.toLowerCase() }).lean<UserRecord>().exec();
  }

  /** Accounts by name, case-insensitively (`names` lower-cased). */
  findManyByUsernames(names: string[]): Promise<UserRecord[]> {
    if (names.length === 0) return Promise.resolve([]);
    return this.users.find({ usernameLower: { $in: names } }, { passwordHash: 0 }).lean<UserRecord[]>().exec();
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

  update(id: string, set: Partial<Pick<User, 'role' | 'suspendedUntil' | 'suspendReason' | 'banned' | 'banReason'>>): Promise<UserRecord | null> {
    return this.moderated.changing(() => this.users.findByIdAndUpdate(id, { $set: set }, { new: true }).lean<UserRecord>().exec());
  }
}
