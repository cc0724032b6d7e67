import { Injectable } from '@nestjs/common';
import {
  assertCanWrite,
  assertModerator,
  DomainError,
  ERROR_CODES,
  type FlagAgainst,
  type ModeratorNote,
  type ModeratorNoteInput,
  type Page,
  type UserDirectoryQuery,
  type UserDossier,
  type UserStanding,
} from '@agora/shared';
import { Types } from 'mongoose';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { AuditRepository } from '../audit/audit.repository';
import { NodesRepository } from '../nodes/nodes.repository';
import { UsersRepository, type UserRecord } from '../users/users.repository';
import { FlagsRepository } from './flags.repository';
import { ModeratorNotesRepository } from './moderator-notes.repository';

/** How much of a user's past a dossier shows. */
const HISTORY = 50;
const FLAGGED_POSTS = 200;
const FLAGS = 50;

const toStanding = (u: UserRecord): UserStanding => ({
  id: String(u._id),
  username: u.username,
  role: u.role,
  createdAt: new Date(u.createdAt).toISOString(),
  suspendedUntil: u.suspendedUntil ? new Date(u.suspendedUntil).toISOString() : null,
  suspendReason: u.suspendedUntil ? (u.suspendReason ?? null) : null,
  banned: !!u.banned,
  banReason: u.banned ? (u.banReason ?? null) : null,
});

/**
 * The moderators' user directory: find users by name, read their standing, what was done to them, what
 * readers flagged and the moderators' private notes. Sanctions themselves go through UserModerationService.
 */
@Injectable()
export class UserDirectoryService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly nodes: NodesRepository,
    private readonly flags: FlagsRepository,
    private readonly notes: ModeratorNotesRepository,
  ) {}

  /** Name order; the cursor is the last name given. */
  async search(query: UserDirectoryQuery, actor: RequestUser): Promise<Page<UserStanding>> {
    assertModerator(actor);
    const found = await this.users.searchByPrefix(query.q?.trim() ?? '', query.cursor, query.limit + 1);
    const items = found.slice(0, query.limit);
    return { items: items.map(toStanding), nextCursor: found.length > query.limit ? items[items.length - 1].usernameLower : null };
  }

  async dossier(userId: string, actor: RequestUser): Promise<UserDossier> {
    assertModerator(actor);
    const user = await this.load(userId);
    const posts = await this.nodes.findIdsByAuthor(userId, FLAGGED_POSTS);
    const [history, flags, notes] = await Promise.all([this.audit.forUser(userId, HISTORY), this.flags.findForNodes(posts, FLAGS), this.notes.forUser(userId)]);
    return {
      user: toStanding(user),
      history,
      flags: flags.map(
        (f): FlagAgainst => ({
          id: String(f._id),
          nodeId: String(f.nodeId),
          articleId: String(f.articleId),
          reason: f.reason,
          note: f.note ?? null,
          username: f.username ?? null,
          status: f.status,
          createdAt: new Date(f.createdAt).toISOString(),
        }),
      ),
      notes,
    };
  }

  async listNotes(userId: string, actor: RequestUser): Promise<ModeratorNote[]> {
    assertModerator(actor);
    await this.load(userId);
    return this.notes.forUser(userId);
  }

  async addNote(userId: string, input: ModeratorNoteInput, actor: RequestUser): Promise<ModeratorNote> {
    assertModerator(actor);
    assertCanWrite(actor);
    await this.load(userId);
    return this.notes.add({ userId: new Types.ObjectId(userId), authorId: new Types.ObjectId(actor.id), authorName: actor.username, text: input.text });
  }

  private async load(userId: string): Promise<UserRecord> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such user.');
    return user;
  }
}
