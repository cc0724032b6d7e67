// Fan-out: one vote delivered to FANOUT_CLIENTS sockets in the article's room, timed from the moment
// the vote request is sent until each socket has its `vote:changed`; beside a bare socket.io server
// (a child process like the API) broadcasting the same payload to as many sockets, timed from the
// moment its trigger request is sent. The API runs with LIVE_COALESCE_MS=0 (see environment.mjs),
// so the figures hold no coalescing window: with the default 50 ms they would be 50 ms later.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { FANOUT_CLIENTS, FANOUT_ROUND_TIMEOUT_MS, FANOUT_ROUNDS, FANOUT_WARMUP } from '../support/settings.mjs';
import { api } from '../support/http-load.mjs';
import { benchUsers, seedArticle } from '../support/api-fixtures.mjs';
import { freePort, startNode } from '../support/processes.mjs';
import { joinRoom } from '../support/socket-room.mjs';
import { latencySummary, median } from '../support/stats.mjs';

const timed = async (work) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

/** Runs warm-up and timed rounds; `round(r)` gives the trigger and the matcher of round r. */
async function measure(room, round) {
  const timedRounds = [];
  for (let r = 0; r < FANOUT_WARMUP + FANOUT_ROUNDS; r++) {
    const { trigger, matches } = round(r);
    const result = await room.time(() => timed(trigger), matches);
    if (r >= FANOUT_WARMUP) timedRounds.push(result);
    // Let the room go quiet (the API also publishes strength:changed) before the next round.
    await sleep(100);
  }
  const delays = timedRounds.flatMap((t) => t.delays);
  return {
    ...latencySummary(delays),
    lost: timedRounds.reduce((n, t) => n + t.lost, 0),
    // From the first socket served to the last, per round: the broadcast itself.
    spreadMs: median(timedRounds.map((t) => (t.delays.length ? Math.max(...t.delays) - Math.min(...t.delays) : Number.NaN))),
    firstMs: median(timedRounds.map((t) => (t.delays.length ? Math.min(...t.delays) : Number.NaN))),
    triggerMs: median(timedRounds.map((t) => t.response)),
    payload: timedRounds.at(-1)?.payload ?? null,
  };
}

export async function fanoutScenario(env, log, { root }) {
  const { id: articleId } = await seedArticle(env.baseUrl);
  const detail = await api(env.baseUrl, 'GET', `/api/articles/${articleId}`);
  const claims = detail.paragraphs.map((p) => p.nodeId);
  const users = await benchUsers(env, 10);

  log(`  joining ${FANOUT_CLIENTS} sockets to the article on the API`);
  let t0 = performance.now();
  const apiRoom = await joinRoom(env.baseUrl, articleId, FANOUT_CLIENTS, { roundTimeoutMs: FANOUT_ROUND_TIMEOUT_MS });
  const apiJoinSeconds = (performance.now() - t0) / 1000;
  let agora;
  try {
    log(`  ${FANOUT_WARMUP} warm-up votes, then ${FANOUT_ROUNDS} timed`);
    agora = await measure(apiRoom, (r) => {
      const nodeId = claims[r % claims.length];
      return {
        trigger: () => api(env.baseUrl, 'PUT', `/api/nodes/${nodeId}/vote`, { token: users[r % users.length].token, body: { value: (r % 5) + 1 } }),
        matches: (payload) => payload.nodeId === nodeId,
      };
    });
  } finally {
    apiRoom.close();
  }
  if (!agora.payload) throw new Error('no vote:changed reached the sockets');

  const port = await freePort();
  const bareUrl = `http://127.0.0.1:${port}`;
  const bare = await startNode({
    name: 'bare socket.io server',
    script: join(root, 'bench/support/bare-socket-server.mjs'),
    args: [String(port)],
    env: { PATH: process.env.PATH },
    cwd: root,
    logFile: join(env.resultsDir, 'bare-socket-server.log'),
    ipc: true,
    ready: async () => (await fetch(`${bareUrl}/health`)).ok,
  });
  let baseline;
  let bareJoinSeconds;
  try {
    log(`  joining ${FANOUT_CLIENTS} sockets to the bare socket.io server`);
    t0 = performance.now();
    const bareRoom = await joinRoom(bareUrl, articleId, FANOUT_CLIENTS, { roundTimeoutMs: FANOUT_ROUND_TIMEOUT_MS });
    bareJoinSeconds = (performance.now() - t0) / 1000;
    try {
      baseline = await measure(bareRoom, (r) => {
        const payload = { ...agora.payload, seq: agora.payload.seq + 1 + r };
        return {
          trigger: async () => {
            const res = await fetch(`${bareUrl}/broadcast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
            if (res.status !== 204) throw new Error(`broadcast: ${res.status}`);
          },
          matches: (p) => p.seq === payload.seq,
        };
      });
    } finally {
      bareRoom.close();
    }
  } finally {
    await bare.stop();
  }

  const describe = (s) =>
    `p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${s.lost} lost; per round (medians): trigger request ${s.triggerMs.toFixed(1)} ms, first socket ${s.firstMs.toFixed(1)} ms, first to last socket ${s.spreadMs.toFixed(1)} ms`;
  const withoutPayload = (figures) => Object.fromEntries(Object.entries(figures).filter(([key]) => key !== 'payload'));
  return {
    scenario: { name: 'fanout', metric: 'p99 delivery', value: agora.p99, unit: 'ms', baseline: baseline.p99, ratio: agora.p99 / baseline.p99, p50: agora.p50, p99: agora.p99 },
    details: { clients: FANOUT_CLIENTS, rounds: FANOUT_ROUNDS, liveCoalesceMs: 0, payloadBytes: JSON.stringify(agora.payload).length, api: { ...withoutPayload(agora), joinSeconds: apiJoinSeconds }, baseline: { ...withoutPayload(baseline), joinSeconds: bareJoinSeconds } },
    notes: [
      `${FANOUT_CLIENTS} sockets, ${FANOUT_ROUNDS} votes; LIVE_COALESCE_MS=0 (the default 50 ms window would add up to 50 ms)`,
      `joining all sockets (50 at a time) took ${apiJoinSeconds.toFixed(1)} s on the API, ${bareJoinSeconds.toFixed(1)} s on the bare server`,
      `API      ${describe(agora)} (trigger = PUT vote)`,
      `baseline ${describe(baseline)} (trigger = POST /broadcast)`,
    ],
  };
}
