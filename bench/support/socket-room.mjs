// Many socket.io clients in one article room, and the timing of one message reaching all of them.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pooled } from './api-fixtures.mjs';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');

function connectOne(url, articleId) {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/live`, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000 });
    socket.once('connect_error', (error) => reject(new Error(`socket connect: ${error.message}`)));
    socket.once('connect', () => {
      socket.timeout(20_000).emit('join', { articleId }, (error, ack) => {
        if (error || !ack?.ok) reject(new Error(`join: ${error?.message ?? JSON.stringify(ack)}`));
        else resolve(socket);
      });
    });
  });
}

/**
 * Connects `count` clients (websocket transport, one connection each) and joins them to the article.
 * `room.time(trigger, matches)` starts the clock, calls `trigger()`, and waits until every client has
 * received a `vote:changed` that `matches`; it returns each client's delay in milliseconds.
 */
export async function joinRoom(url, articleId, count, { roundTimeoutMs }) {
  const sockets = [];
  try {
    sockets.push(...(await pooled(count, 50, () => connectOne(url, articleId))));
  } catch (error) {
    for (const s of sockets) s.disconnect();
    throw error;
  }
  let round = null;
  sockets.forEach((socket, i) => {
    socket.on('vote:changed', (payload) => {
      const now = performance.now();
      if (!round || round.arrived[i] >= 0 || !round.matches(payload)) return;
      round.arrived[i] = now - round.t0;
      round.last = payload;
      if (++round.count === count) round.done();
    });
  });
  // Let the join storm's presence events pass before anything is timed.
  await sleep(500);
  return {
    async time(trigger, matches) {
      let done;
      const finished = new Promise((resolve) => (done = resolve));
      round = { t0: performance.now(), arrived: new Float64Array(count).fill(-1), count: 0, matches, done, last: null };
      const triggered = trigger();
      const timedOut = await Promise.race([finished.then(() => false), sleep(roundTimeoutMs).then(() => true)]);
      const { arrived, last } = round;
      round = null;
      const response = await triggered;
      const delays = Array.from(arrived).filter((d) => d >= 0);
      return { delays, lost: count - delays.length, timedOut, payload: last, response };
    },
    close() {
      for (const socket of sockets) socket.disconnect();
    },
  };
}
