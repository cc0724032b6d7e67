import { Injectable } from '@nestjs/common';
import { DomainError, ERROR_CODES, isModerator, isPublic, type NodeStatus, type ProfileArgument, type Standing, type UserProfile } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { ArticleTrees } from '../article-tree/article-trees';
import { ArticlesRepository } from '../articles/articles.repository';
import { AuditRepository } from '../audit/audit.repository';
import { NodesRepository } from '../nodes/nodes.repository';
import type { UserRecord } from '../users/users.repository';
import { UsersRepository } from '../users/users.repository';

const LISTED_ARGUMENTS = 100;
const PUBLIC: readonly NodeStatus[] = ['visible'];
const OWN: readonly NodeStatus[] = ['visible', 'pending', 'hidden'];
const ALL: readonly NodeStatus[] = ['visible', 'pending', 'hidden', 'removed'];

const standingOf = (user: Pick<UserRecord, 'banned' | 'suspendedUntil'>, now = Date.now()): Standing =>
  user.banned ? 'banned' : user.suspendedUntil && new Date(user.suspendedUntil).getTime() > now ? 'suspended' : 'active';

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** A reader's page: their arguments with the strength they received, their standing, and for moderators their record. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly users: UsersRepository,
    private readonly nodes: NodesRepository,
    private readonly articles: ArticlesRepository,
    private readonly trees: ArticleTrees,
    private readonly audit: AuditRepository,
  ) {}

  async profile(username: string, viewer: RequestUser | null): Promise<UserProfile> {
    const user = await this.users.findByUsername(username);
    if (!user) throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such user.');
    const moderator = isModerator(viewer);
    const self = viewer?.id === String(user._id);
    // Withdrawn posts are their author's to take back: not listed.
    const posts = (await this.nodes.findByAuthor(user._id, moderator ? ALL : self ? OWN : PUBLIC, LISTED_ARGUMENTS)).filter((n) => !n.withdrawn);
    const titles = new Map<string, string>();
    for (const articleId of new Set(posts.map((n) => String(n.articleId)))) titles.set(articleId, (await this.articles.findSummaryById(articleId))?.title ?? '');
    const listed: ProfileArgument[] = [];
    for (const n of posts) {
      if (!titles.get(String(n.articleId))) continue;
      const { strength, rated } = await this.trees.figuresFor(n);
      listed.push({
        id: String(n._id),
        articleId: String(n.articleId),
        articleTitle: titles.get(String(n.articleId))!,
        type: n.type,
        text: n.text,
        status: n.status,
        strength,
        rated,
        votes: { count: n.votes.count, mean: n.votes.count ? n.votes.sum / n.votes.count : null },
        createdAt: new Date(n.createdAt).toISOString(),
      });
    }
    const shown = listed.filter((a) => isPublic(a.status));
    const votesReceived = shown.reduce((s, a) => s + a.votes.count, 0);
    const profile: UserProfile = {
      username: user.username,
      role: user.role,
      joinedAt: new Date(user.createdAt).toISOString(),
      standing: standingOf(user),
      stats: {
        arguments: listed.length,
        votesReceived,
        meanRating: votesReceived ? shown.reduce((s, a) => s + (a.votes.mean ?? 0) * a.votes.count, 0) / votesReceived : null,
        meanStrength: mean(shown.map((a) => a.strength)),
      },
      arguments: listed,
    };
    if (moderator) {
      profile.moderation = {
        flagsReceived: posts.reduce((s, n) => s + (n.flagCount ?? 0), 0),
        suspendedUntil: user.suspendedUntil ? new Date(user.suspendedUntil).toISOString() : null,
        history: await this.audit.forUser(user._id, 20),
      };
    }
    return profile;
  }
}
