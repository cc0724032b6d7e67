import { Injectable } from '@nestjs/common';
import { assertModerator, type Page, type QueueItem, type QueueQuery } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import { AuditRepository } from '../audit/audit.repository';
import { ArticleTrees } from '../article-tree/article-trees';
import { NodesRepository } from '../nodes/nodes.repository';
import { UsersRepository } from '../users/users.repository';
import { toFlagView } from './flag.mapper';
import { FlagsRepository } from './flags.repository';

/** How many of an author's past moderation entries each queue item shows. */
const AUTHOR_HISTORY = 10;

/** The review queue: nodes with their open flags, their author and the author's moderation history. */
@Injectable()
export class ModerationQueueService {
  constructor(
    private readonly nodes: NodesRepository,
    private readonly flags: FlagsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly trees: ArticleTrees,
  ) {}

  async page(query: QueueQuery, actor: RequestUser): Promise<Page<QueueItem>> {
    assertModerator(actor);
    const offset = parseOffset(query.cursor);
    const docs = await this.nodes.findForReview(query.status, offset, query.limit);
    const nodes = docs.slice(0, query.limit);
    const authorIds = [...new Set(nodes.flatMap((n) => (n.authorId ? [String(n.authorId)] : [])))];
    const [views, flags, authors, histories] = await Promise.all([
      Promise.all(nodes.map((n) => this.trees.view(n, actor))),
      this.flags.findOpenForNodes(nodes.map((n) => n._id)),
      this.users.findManyByIds(authorIds),
      Promise.all(authorIds.map(async (id) => [id, await this.audit.forUser(id, AUTHOR_HISTORY)] as const)),
    ]);
    const authorById = new Map(authors.map((u) => [String(u._id), u]));
    const historyById = new Map(histories);
    const items = nodes.map((node, i): QueueItem => {
      const authorId = node.authorId ? String(node.authorId) : null;
      const author = authorId ? authorById.get(authorId) : undefined;
      return {
        node: views[i],
        flags: flags.filter((f) => String(f.nodeId) === String(node._id)).map(toFlagView),
        author: author
          ? {
              id: String(author._id),
              username: author.username,
              suspendedUntil: author.suspendedUntil ? new Date(author.suspendedUntil).toISOString() : null,
              banned: !!author.banned,
            }
          : null,
        authorHistory: authorId ? (historyById.get(authorId) ?? []) : [],
      };
    });
    return { items, nextCursor: docs.length > query.limit ? String(offset + query.limit) : null };
  }
}

function parseOffset(cursor: string | undefined): number {
  const n = Number(cursor ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
