import type { JoinAck } from '@agora/shared';
import { io, type Socket } from 'socket.io-client';

export interface RecordedEvent {
  name: string;
  payload: { seq?: number; articleId?: string; [key: string]: unknown };
}

export interface LiveClient {
  socket: Socket;
  events: RecordedEvent[];
  join(articleId: string, since?: number): Promise<JoinAck>;
  waitFor(predicate: (e: RecordedEvent) => boolean, ms?: number): Promise<RecordedEvent>;
  seqs(): number[];
  close(): void;
}

/** A real socket.io client on the /live namespace that records every event it receives. */
export async function connectLive(baseUrl: string, token?: string): Promise<LiveClient> {
  const socket = io(`${baseUrl}/live`, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
  const events: RecordedEvent[] = [];
  socket.onAny((name: string, payload: RecordedEvent['payload']) => events.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    events,
    join: (articleId, since) => socket.timeout(10_000).emitWithAck('join', since === undefined ? { articleId } : { articleId, since }),
    waitFor: (predicate, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          const found = events.find(predicate);
          if (found) return resolve(found);
          if (Date.now() - started > ms) return reject(new Error(`no matching event within ${ms} ms; got ${events.map((e) => e.name).join(', ')}`));
          setTimeout(tick, 10);
        };
        tick();
      }),
    seqs: () => events.map((e) => e.payload?.seq).filter((s): s is number => typeof s === 'number'),
    close: () => void socket.disconnect(),
  };
}

export const isStrictlyIncreasing = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x > xs[i - 1]);
