import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { joinSchema, leaveSchema, LIVE_NAMESPACE, type JoinAck } from '@agora/shared';
import type { Namespace, Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { TokenService } from '../auth/token.service';
import { AccountChanges } from '../users/account-changes';
import { ArticlesRepository } from '../articles/articles.repository';
import { ConnectionCounts, WindowCount } from './connection-limits';
import { LiveDelivery, type LiveSocketData, type SocketArticleState } from './live-delivery';
import { articleRoom, userRoom } from './live-rooms';
import { LiveService } from './live.service';

const PRESENCE_DEBOUNCE_MS = 100;
/** The server-side event that tells every instance an account changed (see AccountChanges). */
const ACCOUNT_CHANGED = 'agora:account-changed';
/** setTimeout's longest delay; a token that outlives it is checked again at the next account change. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Events a replay sends at once; between pages the instance serves others. */
const REPLAY_PAGE = 200;

/** The /live namespace: readers join an article's room and receive its events, replayed on reconnect. */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true, credentials: true } })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('LiveGateway');
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  /** Set at shutdown: the sockets' disconnects then schedule no presence broadcast, which would reach a Redis already quit. */
  private closing = false;
  /**
   * Per signed-in socket: its token, checked again on every change of its account, and the timer that
   * closes it when the token runs out. Kept apart from socket.data, which socket.io sends to the other
   * instances (fetchSockets): a token has no business in Redis, and a timer cannot be serialized.
   */
  private readonly sessions = new WeakMap<Socket, { token: string; expiry: NodeJS.Timeout }>();
  /** Open sockets per address and per account on this instance, and each socket's joins this minute. */
  private readonly byAddress: ConnectionCounts;
  private readonly byAccount: ConnectionCounts;
  private readonly counted = new WeakMap<Socket, { address: string; account?: string; joins: WindowCount }>();
  @WebSocketServer() namespace!: Namespace;

  constructor(
    private readonly live: LiveService,
    private readonly tokens: TokenService,
    private readonly articles: ArticlesRepository,
    private readonly accounts: AccountChanges,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.byAddress = new ConnectionCounts(config.LIVE_SOCKETS_PER_IP);
    this.byAccount = new ConnectionCounts(config.LIVE_SOCKETS_PER_USER);
  }

  afterInit(namespace: Namespace): void {
    this.live.attach(namespace);
    // A change of role, standing or tokens is checked on this instance's sockets and told to the others.
    this.accounts.listen((userId) => {
      void this.recheck(userId);
      if (this.config.REDIS_URL) namespace.serverSideEmit(ACCOUNT_CHANGED, userId);
    });
    namespace.on(ACCOUNT_CHANGED, (userId: string) => void this.recheck(userId));
    // One address may hold LIVE_SOCKETS_PER_IP sockets here: the next is refused before it connects.
    namespace.use((socket, next) => {
      const address = socket.handshake.address;
      if (!this.byAddress.take(address)) return next(new Error('Too many live connections from this address.'));
      this.counted.set(socket, { address, joins: new WindowCount(this.config.LIVE_JOINS_PER_MINUTE, 60_000) });
      next();
    });
  }

  /**
   * The handshake may carry a JWT; without one (or with a bad one) the socket reads anonymously. A
   * signed-in socket is closed when its token runs out.
   */
  async handleConnection(socket: Socket): Promise<void> {
    const data = socket.data as LiveSocketData;
    data.articles = {};
    data.user = null;
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    if (typeof token !== 'string' || !token) return;
    const session = await this.tokens.verify(token).catch(() => null);
    if (!session || !socket.connected) return;
    const counted = this.counted.get(socket);
    if (counted && !this.byAccount.take(session.user.id)) {
      socket.disconnect(true);
      return;
    }
    if (counted) counted.account = session.user.id;
    data.user = session.user;
    // Their notifications reach every socket they have open, on any instance.
    await socket.join(userRoom(session.user.id));
    const expiry = setTimeout(() => socket.disconnect(true), Math.min(MAX_TIMER_MS, Math.max(0, session.expiresAt - Date.now())));
    this.sessions.set(socket, { token, expiry });
  }

  /**
   * Checks the account of this instance's sockets signed in as `userId` again: a revoked or expired
   * token closes the socket, a new role or standing holds for the next event it is sent.
   */
  private async recheck(userId: string): Promise<void> {
    for (const socket of this.namespace.sockets.values()) {
      const data = socket.data as LiveSocketData;
      const held = this.sessions.get(socket);
      if (data.user?.id !== userId || !held) continue;
      const session = await this.tokens.verify(held.token).catch((error: Error) => {
        // The database is unreachable: the socket can no longer be vouched for.
        this.logger.warn(`account check failed: ${error.message}`);
        return null;
      });
      if (session) data.user = session.user;
      else socket.disconnect(true);
    }
  }

  handleDisconnect(socket: Socket): void {
    clearTimeout(this.sessions.get(socket)?.expiry);
    this.sessions.delete(socket);
    const counted = this.counted.get(socket);
    if (counted) {
      this.byAddress.release(counted.address);
      if (counted.account) this.byAccount.release(counted.account);
      this.counted.delete(socket);
    }
    for (const articleId of Object.keys((socket.data as LiveSocketData).articles ?? {})) this.schedulePresence(articleId);
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<JoinAck> {
    if (this.counted.get(socket)?.joins.allow() === false) return { ok: false, code: 'RATE_LIMITED', message: 'Too many joins: wait a minute.' };
    const parsed = joinSchema.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'VALIDATION', message: parsed.error.issues.map((i) => i.message).join('; ') };
    const { articleId, since } = parsed.data;
    const article = await this.articles.findSummaryById(articleId).catch(() => null);
    if (!article) return { ok: false, code: 'NOT_FOUND', message: 'No such article.' };
    const { current, state, resync } = await this.enter(socket, articleId, since);
    const viewers = await this.viewers(articleId);
    this.schedulePresence(articleId);
    return resync ? { ok: true, resync: true, seq: state.lastSeq, viewers } : { ok: true, seq: Math.max(current, state.lastSeq), viewers };
  }

  /** Puts the socket in the article's room from the current seq, or from `since` after replaying what it missed. */
  private async enter(socket: Socket, articleId: string, since?: number): Promise<{ current: number; state: SocketArticleState; resync: boolean }> {
    // In the room first, its events held back: one delivered while the starting point is worked out
    // below (which may ask the database) is then sent after it, never lost between the two.
    const data = socket.data as LiveSocketData;
    const state: SocketArticleState = (data.articles[articleId] = { lastSeq: since ?? Number.MAX_SAFE_INTEGER, replaying: true, queue: [] });
    await socket.join(articleRoom(articleId));
    // A fresh reader starts where this instance has delivered up to: a seq the counter gave out but not
    // delivered here yet (a reply's, reserved before its insert) still reaches it.
    const current = since === undefined ? (this.live.delivery.deliveredUpTo(articleId) ?? (await this.live.currentSeq(articleId))) : await this.live.resumeSeq(articleId, since);
    this.live.delivery.startAt(articleId, current);
    let resync = false;
    if (since === undefined) state.lastSeq = current;
    else {
      resync = since > current || !(await this.replay(socket, articleId, since, current));
      if (resync) state.lastSeq = Math.max(current, ...state.queue.map((e) => e.payload.seq));
    }
    const queued = state.queue.sort((a, b) => a.payload.seq - b.payload.seq);
    state.replaying = false;
    state.queue = [];
    for (const event of queued) LiveDelivery.sendTo(socket, event);
    return { current, state, resync };
  }

  @SubscribeMessage('leave')
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    const parsed = leaveSchema.safeParse(body);
    if (!parsed.success) return { ok: false };
    const { articleId } = parsed.data;
    delete (socket.data as LiveSocketData).articles[articleId];
    await socket.leave(articleRoom(articleId));
    this.schedulePresence(articleId);
    return { ok: true };
  }

  /**
   * Sends the events after `since` from the log; false (the reader must reload) when the log no longer
   * reaches back that far or misses one on the way (an event delivered but never stored). A long replay
   * goes out in pages, each given its nodes' current text just before it is sent, with other work let
   * in between: live events meanwhile are held back for after it, as during the whole replay.
   */
  private async replay(socket: Socket, articleId: string, since: number, current: number): Promise<boolean> {
    if (since === current) return true;
    const events = await this.live.replayAfter(articleId, since);
    // Every event up to `current`, without a gap: anything less and the reader reloads.
    if (events.length === 0 || events.some((e, i) => e.payload.seq !== since + 1 + i) || events[events.length - 1].payload.seq < current) return false;
    const data = socket.data as LiveSocketData;
    const state = data.articles[articleId];
    for (let from = 0; from < events.length; from += REPLAY_PAGE) {
      const page = await this.live.withCurrentText(events.slice(from, from + REPLAY_PAGE), data.user);
      if (!socket.connected || data.articles[articleId] !== state) return true;
      state.replaying = false;
      for (const event of page) LiveDelivery.sendTo(socket, event);
      state.replaying = true;
    }
    return true;
  }

  private async viewers(articleId: string): Promise<number> {
    try {
      return (await this.namespace.in(articleRoom(articleId)).fetchSockets()).length;
    } catch (error) {
      this.logger.warn(`presence count failed: ${(error as Error).message}`);
      return this.namespace.adapter.rooms.get(articleRoom(articleId))?.size ?? 0;
    }
  }

  onModuleDestroy(): void {
    this.closing = true;
    for (const timer of this.presenceTimers.values()) clearTimeout(timer);
    this.presenceTimers.clear();
  }

  private schedulePresence(articleId: string): void {
    if (this.closing || this.presenceTimers.has(articleId)) return;
    const timer = setTimeout(() => {
      this.presenceTimers.delete(articleId);
      void this.viewers(articleId).then((viewers) => this.namespace.to(articleRoom(articleId)).emit('presence', { articleId, viewers }));
    }, PRESENCE_DEBOUNCE_MS);
    this.presenceTimers.set(articleId, timer);
  }
}
