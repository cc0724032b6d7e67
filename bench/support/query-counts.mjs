// Reads the API child's running database-operation counts (see query-counter.cjs) over IPC.
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

export async function readQueryCounts(env) {
  const child = env.apiChild.child;
  if (!child.connected) return null;
  const answer = once(child, 'message');
  child.send('bench:query-counts');
  const reply = await Promise.race([answer.then(([m]) => m), sleep(2000).then(() => null)]);
  return reply?.queryCounts ?? null;
}

const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Waits until the API has stopped touching the database (requests autocannon abandoned at the end of
 * a run are still being served) so that one run's work does not leak into the next one's figures.
 */
export async function settle(env, { quietMs = 500, maxMs = 30_000 } = {}) {
  const deadline = Date.now() + maxMs;
  let last = await readQueryCounts(env);
  let quietSince = Date.now();
  while (last && Date.now() < deadline) {
    await sleep(100);
    const now = await readQueryCounts(env);
    if (!now) return;
    if (total(now.counts) !== total(last.counts)) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    last = now;
  }
}

/** Operations between two readings, per request: totals, and [collection.method, perRequest] rows of all, scans and writes. */
export function perRequest(before, after, requests) {
  if (!before || !after || !requests) return null;
  const diff = (a, b) =>
    Object.entries(b)
      .map(([key, n]) => [key, (n - (a[key] ?? 0)) / requests])
      .filter(([, n]) => n > 0)
      .sort((x, y) => y[1] - x[1]);
  const byOperation = diff(before.counts, after.counts);
  const scansByOperation = diff(before.scans, after.scans);
  const writesByOperation = diff(before.writes, after.writes);
  const sum = (rows) => rows.reduce((s, [, n]) => s + n, 0);
  return { total: sum(byOperation), scans: sum(scansByOperation), writes: sum(writesByOperation), byOperation, scansByOperation, writesByOperation };
}
