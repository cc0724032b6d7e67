import type { ArgumentNode, ArticleSummary } from '@agora/shared';
import type { VersionedStrength, VersionedVote } from './published-figures';

/**
 * What the rest of the API tells the live module; it allocates sequence numbers, stores events for
 * replay and delivers them to every instance's sockets.
 */
export abstract class LivePublisher {
  abstract nodeCreated(articleId: string, node: ArgumentNode): Promise<void>;
  abstract nodeUpdated(articleId: string, node: ArgumentNode): Promise<void>;
  /**
   * Coalesced: bursts on one node go out once, with the newest figures. Figures carry the node's
   * version, so that one older than what readers already have is never sent after it.
   */
  abstract voteChanged(articleId: string, nodeId: string, figures: VersionedVote): void;
  /** Sends the strengths newer than those readers already have (see voteChanged). */
  abstract strengthChanged(articleId: string, nodes: VersionedStrength[]): Promise<void>;
  abstract articleUpdated(articleId: string, article: ArticleSummary): Promise<void>;
}
