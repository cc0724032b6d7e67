import type { VoteTotals } from '@agora/shared';
import type { RedisClient } from '../../infra/redis.module';

/**
 * Figures of a node as settled under its lock. `version` grows by one at every settle of that node,
 * so of two figures of one node the higher version is the newer, whatever order they arrive in.
 */
export interface VersionedStrength {
  nodeId: string;
  strength: number;
  version: number;
}

export interface VersionedVote {
  votes: VoteTotals;
  strength: number;
  version: number;
}

/** What readers of an article were last sent about a node, by version. */
export interface Published {
  strength: number;
  strengthVersion: number;
  votesVersion: number;
}

/**
 * The strengths worth sending: those newer than what was already published for their node. An event
 * stored after a newer one must not undo it for readers, who apply events in seq order.
 */
export function strengthsToSend(changes: readonly VersionedStrength[], published: ReadonlyMap<string, Published>): VersionedStrength[] {
  const newest = new Map<string, VersionedStrength>();
  for (const c of changes) if ((newest.get(c.nodeId)?.version ?? -1) < c.version) newest.set(c.nodeId, c);
  return [...newest.values()].filter((c) => (published.get(c.nodeId)?.strengthVersion ?? -1) < c.version);
}

/**
 * The vote:changed worth sending, or null when readers already have newer totals: its strength is
 * the newer of its own and the one already published, so that it never moves a strength back.
 */
export function voteToSend(vote: VersionedVote, published: Published | undefined): { votes: VoteTotals; strength: number; strengthVersion: number } | null {
  if (published && published.votesVersion >= vote.version) return null;
  if (published && published.strengthVersion > vote.version) return { votes: vote.votes, strength: published.strength, strengthVersion: published.strengthVersion };
  return { votes: vote.votes, strength: vote.strength, strengthVersion: vote.version };
}

/**
 * A node:updated carries the whole node, figures included, as read inside the publish turn: what to
 * record as published for it, and the strength to send (never older than one readers already have).
 */
export function nodeFiguresToSend(strength: number, version: number, published: Published | undefined): { strength: number; record: Published } {
  const send = published && published.strengthVersion > version ? published.strength : strength;
  return {
    strength: send,
    record: { strength: send, strengthVersion: Math.max(version, published?.strengthVersion ?? -1), votesVersion: Math.max(version, published?.votesVersion ?? -1) },
  };
}

/** A day without events for an article forgets what was published for it. */
const KEEP_SECONDS = 24 * 60 * 60;

/**
 * What was published per node, shared by every instance through Redis (a hash per article), or kept
 * in this process when it works alone. Read and written inside the article's publish turn.
 */
export class PublishedFigures {
  private readonly local = new Map<string, Map<string, Published>>();

  constructor(private readonly redis: RedisClient) {}

  async get(articleId: string, nodeIds: readonly string[]): Promise<Map<string, Published>> {
    const found = new Map<string, Published>();
    if (!nodeIds.length) return found;
    if (!this.redis) {
      const article = this.local.get(articleId);
      for (const id of nodeIds) {
        const entry = article?.get(id);
        if (entry) found.set(id, entry);
      }
      return found;
    }
    const values = await this.redis.hmget(this.key(articleId), ...nodeIds);
    values.forEach((value, i) => {
      if (value) found.set(nodeIds[i], JSON.parse(value) as Published);
    });
    return found;
  }

  async set(articleId: string, entries: ReadonlyMap<string, Published>): Promise<void> {
    if (!entries.size) return;
    if (!this.redis) {
      const article = this.local.get(articleId) ?? new Map<string, Published>();
      for (const [id, entry] of entries) article.set(id, entry);
      this.local.set(articleId, article);
      return;
    }
    const key = this.key(articleId);
    await this.redis
      .multi()
      .hset(key, Object.fromEntries([...entries].map(([id, entry]) => [id, JSON.stringify(entry)])))
      .expire(key, KEEP_SECONDS)
      .exec();
  }

  private key(articleId: string): string {
    return `agora:published:${articleId}`;
  }
}
