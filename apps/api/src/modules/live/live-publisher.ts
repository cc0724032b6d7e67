import type { ArgumentNode, ArticleSummary } from '@agora/shared';
import type { VersionedStrength, VersionedVote } from './published-figures';

/** A node as readers see it, with the version of its figures (see VersionedStrength). */
export interface CurrentNode {
  node: ArgumentNode;
  version: number;
}

/**
 * What the rest of the API tells the live module; it allocates sequence numbers, stores events for
 * replay and delivers them to every instance's sockets.
 */
export abstract class LivePublisher {
  abstract nodeCreated(articleId: string, node: ArgumentNode): Promise<void>;
  /**
   * `current` reads the node as it is now; it is called inside the publish turn, so the figures the
   * event carries are never older than those of an event published before it.
   */
  abstract nodeUpdated(articleId: string, current: () => Promise<CurrentNode | null>): Promise<void>;
  /**
   * Coalesced: bursts on one node go out once, with the newest figures. Figures carry the node's
   * version, so that one older than what readers already have is never sent after it.
   */
  abstract voteChanged(articleId: string, nodeId: string, figures: VersionedVote): void;
  /** Sends the strengths newer than those readers already have (see voteChanged). */
  abstract strengthChanged(articleId: string, nodes: VersionedStrength[]): Promise<void>;
  abstract articleUpdated(articleId: string, article: ArticleSummary): Promise<void>;
}
