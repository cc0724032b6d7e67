import { z } from 'zod';
import { objectIdSchema } from '../rest/common.schema';
import type { ArgumentNode, VoteTotals } from '../rest/nodes.schema';
import type { ArticleSummary } from '../rest/articles.schema';
import type { Notification } from '../rest/notifications.schema';

/** The socket.io namespace of live article updates. */
export const LIVE_NAMESPACE = '/live';

export const LIVE_EVENTS = {
  nodeCreated: 'node:created',
  nodeUpdated: 'node:updated',
  voteChanged: 'vote:changed',
  articleUpdated: 'article:updated',
  articleRevised: 'article:revised',
  presence: 'presence',
} as const;
export type LiveEventName = (typeof LIVE_EVENTS)[keyof typeof LIVE_EVENTS];

export const joinSchema = z.strictObject({
  articleId: objectIdSchema,
  since: z.number().int().min(0).optional(),
});
export type JoinRequest = z.infer<typeof joinSchema>;
export const leaveSchema = z.strictObject({ articleId: objectIdSchema });

export type JoinAck =
  | { ok: true; seq: number; viewers: number; resync?: false }
  | { ok: true; seq: number; viewers: number; resync: true }
  | { ok: false; code: string; message: string };

interface Sequenced {
  articleId: string;
  seq: number;
}

/** A node's strength as it now is. */
export interface StrengthFigure {
  nodeId: string;
  strength: number;
  rated: boolean;
}

/**
 * Strengths that follow from an event: the changed node's (or its parent's) and every ancestor's, as
 * the delivering server computes them from the article's tree once the event is applied.
 */
interface WithStrengths {
  strengths?: StrengthFigure[];
}

export interface LivePayloads {
  /** `node.version` orders changes of one node: a client keeps the highest it has seen. */
  'node:created': Sequenced & WithStrengths & { node: ArgumentNode };
  'node:updated': Sequenced & WithStrengths & { node: ArgumentNode };
  /** `votesVersion` orders one node's totals: a client keeps the highest it has seen. */
  'vote:changed': Sequenced & WithStrengths & { nodeId: string; votes: VoteTotals; votesVersion: number; strength: number; rated: boolean };
  'article:updated': Sequenced & { article: ArticleSummary };
  /** The article's text or its anchors changed (a revision, an orphan attached): every view of it is read afresh. */
  'article:revised': Sequenced & { revision: number; revisedAt: string };
  presence: { articleId: string; viewers: number; seq?: undefined };
}

/** A sequenced event as stored for replay (presence is never stored). */
export type StoredLiveEvent = {
  [K in Exclude<LiveEventName, 'presence'>]: { name: K; payload: LivePayloads[K] };
}[Exclude<LiveEventName, 'presence'>];

/** Sent to one reader's own sockets only (every socket signed in as them, on any instance). */
export const USER_EVENTS = { notificationCreated: 'notification:created' } as const;

export type ServerToClientEvents = {
  [K in LiveEventName]: (payload: LivePayloads[K]) => void;
} & {
  'notification:created': (notification: Notification) => void;
};

export interface ClientToServerEvents {
  join: (req: JoinRequest, ack: (ack: JoinAck) => void) => void;
  leave: (req: { articleId: string }, ack?: (ack: { ok: boolean }) => void) => void;
}
