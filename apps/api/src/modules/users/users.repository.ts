import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Role } from '@agora/shared';
import type { Model, Types } from 'mongoose';
import { User } from './user.model';

export type UserRecord = User;

@Injectable()
export class UsersRepository {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  findById(id: string | Types.ObjectId): Promise<UserRecord | null> {
    return this.users.findById(id).lean<UserRecord>().exec();
  }

  findByUsername(username: string): Promise<UserRecord | null> {
    return this.users.findOne({ usernameLower: username.toLowerCase() }).lean<UserRecord>().exec();
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
    return this.users.findByIdAndUpdate(id, { $set: set }, { new: true }).lean<UserRecord>().exec();
  }
}
