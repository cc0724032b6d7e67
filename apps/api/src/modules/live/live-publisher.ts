import type { ArgumentNode, ArticleSummary, VoteTotals } from '@agora/shared';

/**
 * What the rest of the API tells the live module; it allocates sequence numbers, stores events for
 * replay and delivers them to every instance's sockets.
 */
export abstract class LivePublisher {
  abstract nodeCreated(articleId: string, node: ArgumentNode): Promise<void>;
  abstract nodeUpdated(articleId: string, node: ArgumentNode): Promise<void>;
  /** Coalesced: bursts on one node go out once with the figures `load` returns last. */
  abstract voteChanged(articleId: string, nodeId: string, load: () => Promise<{ votes: VoteTotals; strength: number } | null>): void;
  /**
   * `load` reads the nodes' strengths as they are when the event leaves (inside the article's publish
   * order), so that an event never carries figures older than one published before it.
   */
  abstract strengthChanged(articleId: string, load: () => Promise<{ nodeId: string; strength: number }[]>): Promise<void>;
  abstract articleUpdated(articleId: string, article: ArticleSummary): Promise<void>;
}
