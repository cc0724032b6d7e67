import type { Actor, StoredLiveEvent } from '@agora/shared';
import type { Namespace, Socket } from 'socket.io';
import { articleRoom } from './live-rooms';
import { redactFor } from './redact';

/** Per socket and article: the last seq it was sent, and events held back while it catches up. */
export interface SocketArticleState {
  lastSeq: number;
  replaying: boolean;
  queue: StoredLiveEvent[];
}

export interface LiveSocketData {
  /** The account as last checked: on connection and whenever its role, standing or tokens change. */
  user: (Actor & { username: string }) | null;
  articles: Record<string, SocketArticleState>;
}

/** What delivery reports to the metrics: an event sent to `sockets` of this instance's sockets. */
export type DeliveryObserver = (event: StoredLiveEvent, sockets: number, publishedAt: number | undefined) => void;

interface ArticleChannel {
  lastSeq: number | null;
  held: Map<number, StoredLiveEvent>;
  timer: NodeJS.Timeout | null;
}

/** Events no reader sees differently from another (no node text to redact): encoded once per room. */
const SAME_FOR_EVERYONE = new Set<StoredLiveEvent['name']>(['vote:changed']);

/**
 * How long an out-of-order event waits for the ones before it before they are read from the log. A
 * reply takes its seq before its insert, which can take a while under load: a seq skipped too soon
 * makes every instance read the article's tree again.
 */
const GAP_WAIT_MS = 2000;

/**
 * Delivers an article's sequenced events to this instance's sockets strictly in seq order, exactly
 * once each: events arriving early (another instance's publish overtook an earlier one) are held
 * until the gap fills, or the gap is read from the event log; sockets catching up on a join are
 * queued until their replay is done.
 */
export class LiveDelivery {
  private readonly channels = new Map<string, ArticleChannel>();
  /** When each event in flight was published (told by receive), for the delivery lag. */
  private readonly publishedAt = new WeakMap<StoredLiveEvent, number>();

  constructor(
    private readonly namespace: () => Namespace | undefined,
    private readonly readLog: (articleId: string, from: number, to: number) => Promise<StoredLiveEvent[]>,
    /** Given every event as it is delivered, in seq order; returns the event as sockets are sent it. */
    private readonly prepare: (event: StoredLiveEvent) => StoredLiveEvent = (event) => event,
    /** Told when events of an article were skipped for good: their publisher died before publishing them. */
    private readonly lost: (articleId: string) => void = () => undefined,
    /** Given an event that came after this instance had moved past its seq: not for sockets, but what it says still holds. */
    private readonly late: (event: StoredLiveEvent) => void = () => undefined,
    private readonly observe: DeliveryObserver = () => undefined,
  ) {}

  /** The seq this instance has delivered up to, so a joining socket knows where live starts. */
  startAt(articleId: string, seq: number): void {
    const channel = this.channel(articleId);
    // Only a fresh channel starts from the log's figure: moving a running one forward would drop, for
    // sockets already here, an event this instance has not received yet (a joiner replays it instead).
    if (channel.lastSeq === null) channel.lastSeq = seq;
  }

  /** The seq after which this instance delivers every event of the article to its sockets, if it has begun. */
  deliveredUpTo(articleId: string): number | null {
    return this.channels.get(articleId)?.lastSeq ?? null;
  }

  /** `publishedAt`: when the publishing instance sent it (ms since the epoch); now when unknown. */
  receive(event: StoredLiveEvent, publishedAt = Date.now()): void {
    this.publishedAt.set(event, publishedAt);
    const { articleId, seq } = event.payload;
    const channel = this.channel(articleId);
    if (channel.lastSeq !== null && seq <= channel.lastSeq) return this.late(event);
    if (channel.lastSeq === null || seq === channel.lastSeq + 1) {
      this.emit(channel, event);
      this.drain(channel);
      return;
    }
    channel.held.set(seq, event);
    if (!channel.timer) channel.timer = setTimeout(() => void this.fillGap(articleId, channel), GAP_WAIT_MS);
  }

  private channel(articleId: string): ArticleChannel {
    let channel = this.channels.get(articleId);
    if (!channel) this.channels.set(articleId, (channel = { lastSeq: null, held: new Map(), timer: null }));
    return channel;
  }

  private drain(channel: ArticleChannel): void {
    while (channel.lastSeq !== null && channel.held.has(channel.lastSeq + 1)) {
      const next = channel.held.get(channel.lastSeq + 1)!;
      channel.held.delete(next.payload.seq);
      this.emit(channel, next);
    }
    if (channel.held.size === 0 && channel.timer) {
      clearTimeout(channel.timer);
      channel.timer = null;
    }
  }

  private async fillGap(articleId: string, channel: ArticleChannel): Promise<void> {
    channel.timer = null;
    if (channel.held.size === 0 || channel.lastSeq === null) return;
    const highest = Math.max(...channel.held.keys());
    const missing = await this.readLog(articleId, channel.lastSeq, highest).catch(() => []);
    for (const event of missing) if (!channel.held.has(event.payload.seq)) channel.held.set(event.payload.seq, event);
    // Whatever is still missing was never stored (its publisher died): skip past it.
    let skipped = false;
    for (const seq of [...channel.held.keys()].sort((a, b) => a - b)) {
      const event = channel.held.get(seq)!;
      channel.held.delete(seq);
      if (seq <= (channel.lastSeq ?? 0)) continue;
      if (seq !== channel.lastSeq! + 1) skipped = true;
      this.emit(channel, event);
    }
    if (skipped) this.lost(articleId);
  }

  private emit(channel: ArticleChannel, delivered: StoredLiveEvent): void {
    channel.lastSeq = delivered.payload.seq;
    const event = this.prepare(delivered);
    const ns = this.namespace();
    const roomName = articleRoom(event.payload.articleId);
    const room = ns?.adapter.rooms.get(roomName);
    let sent = 0;
    if (ns && room) {
      if (SAME_FOR_EVERYONE.has(event.name)) {
        // One encoding for the whole room, written to each socket due it (this instance's only: every
        // instance delivers to its own sockets), rather than one per socket.
        const skipped: string[] = [];
        for (const socketId of room) {
          const socket = ns.sockets.get(socketId);
          if (socket && LiveDelivery.due(socket, event)) sent += 1;
          else skipped.push(socketId);
        }
        if (sent > 0) ns.local.to(roomName).except(skipped).emit(event.name, event.payload as never);
      } else {
        for (const socketId of room) {
          const socket = ns.sockets.get(socketId);
          if (socket && LiveDelivery.sendTo(socket, event)) sent += 1;
        }
      }
    }
    // An event read from the log to fill a gap has no publication time here: its lag is not known.
    this.observe(event, sent, this.publishedAt.get(delivered));
  }

  /** Sends one event to one socket unless it has had it; queues it while the socket replays. True when sent now. */
  static sendTo(socket: Socket, event: StoredLiveEvent): boolean {
    if (!LiveDelivery.due(socket, event)) return false;
    const out = redactFor((socket.data as LiveSocketData).user, event);
    socket.emit(out.name, out.payload as never);
    return true;
  }

  /**
   * Whether a socket is to be sent the event now, counted as sent if so: not when it has had it, nor
   * while it replays (the event is queued for after).
   */
  private static due(socket: Socket, event: StoredLiveEvent): boolean {
    const state = (socket.data as LiveSocketData).articles?.[event.payload.articleId];
    if (!state) return false;
    if (state.replaying) {
      state.queue.push(event);
      return false;
    }
    if (event.payload.seq <= state.lastSeq) return false;
    state.lastSeq = event.payload.seq;
    return true;
  }
}
