// Runs one write path through the API (autocannon) and the same work through the raw driver
// (closedLoop), with the same concurrency, warm-up and duration, and collects for each side the
// rate, latencies, CPU time per operation of every process, and (API side) database operations.
import { CONCURRENCY, MEASURE_SECONDS, WARMUP_SECONDS } from './settings.mjs';
import { autocannonLoop } from './http-load.mjs';
import { closedLoop, latencySummary } from './stats.mjs';
import { join } from 'node:path';
import { freePort, startNode, withCpu } from './processes.mjs';
import { perRequest, readQueryCounts, settle } from './query-counts.mjs';
import { databaseProfileNotes, startDatabaseProfile } from './db-profile.mjs';

/** A run's rate, latency percentiles, counts and CPU milliseconds per operation of each process. */
export function describeRun(run, cpu) {
  const perSecond = run.completed / run.seconds;
  const cpuPerOp = Object.fromEntries(Object.entries(cpu).map(([k, ms]) => [k, ms === null || !run.completed ? null : ms / run.completed]));
  return { perSecond, ...latencySummary(run.latencies), completed: run.completed, errors: run.errors, firstError: run.firstError?.message ?? null, cpuPerOp };
}

export function assertHealthy(side, run) {
  if (run.completed === 0) throw new Error(`${side}: no operation succeeded (${run.firstError?.message ?? 'no error recorded'})`);
}

/**
 * `request(i)` is the i-th API request {path, token, body}; `rawOp(i)` does the i-th operation by
 * driver; `floorRequest(i)`, when given, is the same operation as a request {path, body} to the HTTP
 * floor server (http-floor-server.mjs), measured third.
 */
export async function compareThroughput(env, { name, method, request, rawOp, floorRequest, log }) {
  // Each side's sequence runs on from its warm-up into its measured run: the measured votes are new ones
  // (or changes), never the warm-up's repeated with the same values.
  let apiNext = 0;
  let rawNext = 0;
  const apiRun = (seconds) => autocannonLoop({ baseUrl: env.baseUrl, connections: CONCURRENCY, seconds, method, request: () => request(apiNext++) });
  log(`  API warm-up ${WARMUP_SECONDS}s, then ${MEASURE_SECONDS}s at ${CONCURRENCY} connections`);
  assertHealthy('API warm-up', await apiRun(WARMUP_SECONDS));
  await settle(env);
  const countsBefore = await readQueryCounts(env);
  const dbProfile = startDatabaseProfile(env, name, MEASURE_SECONDS, log);
  const apiMeasured = await withCpu(env.pids, () => apiRun(MEASURE_SECONDS));
  const dbProfileFile = await dbProfile;
  await settle(env);
  const countsAfter = await readQueryCounts(env);
  assertHealthy('API', apiMeasured.result);

  const rawRun = (seconds) => closedLoop({ concurrency: CONCURRENCY, seconds, op: () => rawOp(rawNext++) });
  log(`  raw driver warm-up ${WARMUP_SECONDS}s, then ${MEASURE_SECONDS}s at ${CONCURRENCY} concurrent calls`);
  assertHealthy('raw warm-up', await rawRun(WARMUP_SECONDS));
  const rawMeasured = await withCpu({ db: env.pids.db, bench: env.pids.bench }, () => rawRun(MEASURE_SECONDS));
  assertHealthy('raw', rawMeasured.result);

  // The floor continues the baseline's sequence, on the baseline's database.
  const floor = floorRequest ? await measureFloor(env, { method, request: () => floorRequest(rawNext++), log }) : null;

  return {
    api: { ...describeRun(apiMeasured.result, apiMeasured.cpu), statuses: apiMeasured.result.statuses, dbOpsPerRequest: perRequest(countsBefore, countsAfter, apiMeasured.result.sent), dbProfileFile },
    raw: describeRun(rawMeasured.result, rawMeasured.cpu),
    floor,
  };
}

/** An HTTP floor server (http-floor-server.mjs) on `database` of the bench's FerretDB: {baseUrl, pid, stop}. */
export async function startFloor(env, { database, name = 'HTTP floor server', logName = 'http-floor-server.log' }) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startNode({
    name,
    script: join(env.root, 'bench/support/http-floor-server.mjs'),
    args: [String(port), env.dbBase, database],
    env: { PATH: process.env.PATH },
    cwd: env.root,
    logFile: join(env.resultsDir, logName),
    ipc: true,
    ready: async () => (await fetch(`${baseUrl}/health`)).ok,
  });
  return { baseUrl, pid: server.pid, stop: () => server.stop() };
}

/** Starts the HTTP floor server, runs the same warm-up and measured load against it as against the API, stops it. */
async function measureFloor(env, { method, request, log }) {
  const server = await startFloor(env, { database: env.rawDbAddress.name });
  const { baseUrl } = server;
  try {
    const run = (seconds) => autocannonLoop({ baseUrl, connections: CONCURRENCY, seconds, method, request });
    log(`  HTTP floor warm-up ${WARMUP_SECONDS}s, then ${MEASURE_SECONDS}s at ${CONCURRENCY} connections`);
    assertHealthy('floor warm-up', await run(WARMUP_SECONDS));
    const measured = await withCpu({ floor: server.pid, db: env.pids.db, bench: env.pids.bench }, () => run(MEASURE_SECONDS));
    assertHealthy('floor', measured.result);
    return describeRun(measured.result, measured.cpu);
  } finally {
    await server.stop();
  }
}

const ms = (x) => (x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(2));
const cpuText = (cpu) =>
  Object.entries(cpu)
    .map(([k, v]) => `${k} ${ms(v)}`)
    .join(', ');

/** One side of a comparison in one line: rate, latencies, successes and failures, CPU per operation. */
export const sideText = (label, run, unit) => `${label} ${run.perSecond.toFixed(1)} ${unit}, p50 ${ms(run.p50)} ms, p99 ${ms(run.p99)} ms, ${run.completed} ok, ${run.errors} failed; CPU ms per op: ${cpuText(run.cpuPerOp)}`;

/** Lines for the printed report: each side's rate and latencies, CPU per operation, round trips. */
export function throughputNotes(api, raw, unit, floor = null) {
  const lines = [sideText('API     ', api, unit), sideText('baseline', raw, unit)];
  if (floor) {
    lines.push(sideText('floor   ', floor, unit));
    lines.push(
      `  floor: the baseline's driver calls behind a bare node:http server (no framework, auth, validation, locks or live events): ` +
        `${(floor.perSecond / raw.perSecond).toFixed(2)}x the baseline; the API makes ${(api.perSecond / floor.perSecond).toFixed(2)}x the floor`,
    );
    if (floor.firstError) lines.push(`floor first failure: ${floor.firstError}`);
  }
  if (api.firstError) lines.push(`API first failure: ${api.firstError}`);
  if (raw.firstError) lines.push(`baseline first failure: ${raw.firstError}`);
  if (api.dbOpsPerRequest) {
    const rows = (list) => list.slice(0, 8).map(([k, n]) => `${k} ${n.toFixed(1)}`).join(', ');
    const ops = api.dbOpsPerRequest;
    lines.push(`API database operations per request: ${ops.total.toFixed(1)} (${rows(ops.byOperation)})`);
    lines.push(`  full-collection scans (filter not exactly {_id}): ${ops.scans.toFixed(1)} (${rows(ops.scansByOperation)})`);
    lines.push(`  writes (SQLite write lock + WAL sync each): ${ops.writes.toFixed(1)} (${rows(ops.writesByOperation)})`);
  }
  return [...lines, ...databaseProfileNotes(api.dbProfileFile)];
}
