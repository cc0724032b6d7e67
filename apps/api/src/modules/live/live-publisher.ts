import type { ArgumentNode, ArticleSummary, Notification, VoteTotals } from '@agora/shared';
import type { CounterMove } from '../articles/article-counters.repository';

/** A node's vote totals as one write left them, ordered by `votesVersion`. */
export interface VoteFigures {
  votes: VoteTotals;
  votesVersion: number;
  strength: number;
  rated: boolean;
}

/**
 * What the rest of the API tells the live module; it numbers events from the article's atomic
 * counter, delivers them to every instance's sockets and stores them for replay.
 */
export abstract class LivePublisher {
  /**
   * Takes the article's next seq ahead of a write, so that a write cut short leaves a gap instances
   * notice (see LiveDelivery); `move` is what the event announces of the article's counters.
   */
  abstract reserveSeq(articleId: string, move?: CounterMove): Promise<number>;
  /** `seq`: one taken by reserveSeq for this event. */
  abstract nodeCreated(articleId: string, node: ArgumentNode, seq?: number): Promise<void>;
  /** `node` as stored after the change, with full text (each reader is sent what they may read); `move` as for reserveSeq. */
  abstract nodeUpdated(articleId: string, node: ArgumentNode, move?: CounterMove): Promise<void>;
  /** Coalesced: bursts on one node go out once, with the newest totals. */
  abstract voteChanged(articleId: string, nodeId: string, figures: VoteFigures): void;
  abstract articleUpdated(articleId: string, article: ArticleSummary): Promise<void>;
  /** The article's text or anchors changed: every instance reads its tree and text afresh, every reader reloads. */
  abstract articleRevised(articleId: string, revision: number, revisedAt: Date): Promise<void>;
  /** Sends a notification to its reader's own sockets, wherever they are connected. */
  abstract toUser(userId: string, notification: Notification): void;
}
