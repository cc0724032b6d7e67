// Scale: one mixed write load (votes and replies) through ONE API instance, then through TWO, all with
// REDIS_URL and sharing the bench's FerretDB, beside TWO raw driver clients (two MongoClients) doing
// the same writes. Every side has SCALE_CONCURRENCY clients in all, split evenly across its instances
// or clients, and the same warm-up and duration; each side writes into a fresh database of its own.
// Afterwards every node's stored vote totals must equal a recount of its votes: with two writers on
// the same nodes, a lost update would show there, and fails the scenario. For reference (notes and
// details, no target), the same sequence also runs through one and two HTTP floor servers: what this
// machine allows any HTTP server doing the raw side's database work, and its two-over-one gain.
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { MEASURE_SECONDS, SCALE_CONCURRENCY, SCALE_REDIS_URL, SCALE_REPLY_EVERY, VOTE_NODES, VOTE_USERS, WARMUP_SECONDS } from '../support/settings.mjs';
import { postReplies, registerUsers, replyText, seedArticle } from '../support/api-fixtures.mjs';
import { startApi } from '../support/api-instance.mjs';
import { autocannonLoop } from '../support/http-load.mjs';
import { articleSkeleton, createNodeIndexes, createVoteIndexes, EJSON, ObjectId, replyDoc } from '../support/node-docs.mjs';
import { withCpu } from '../support/processes.mjs';
import { perRequest, readQueryCounts, settle } from '../support/query-counts.mjs';
import { rawReply, rawVote } from '../support/raw-writes.mjs';
import { assertRedis, deleteApiKeys } from '../support/redis-keys.mjs';
import { closedLoop } from '../support/stats.mjs';
import { assertHealthy, describeRun, sideText, startFloor } from '../support/throughput.mjs';
import { checkVoteTotals, voteTotalsText } from '../support/vote-totals-check.mjs';
import { votePairs, voteValue } from './vote.mjs';

const require = createRequire(import.meta.url);
const UNIT = 'writes/s';
const WORKLOAD =
  `${100 - 100 / SCALE_REPLY_EVERY}% votes (PUT /api/nodes/:id/vote: ${VOTE_USERS} users on ${VOTE_NODES} replies, each pass changing every vote), ` +
  `${100 / SCALE_REPLY_EVERY}% replies (POST /api/articles/:id/paragraphs/:index/replies, across the seed article's paragraphs), interleaved in one sequence`;
const BASELINE_WORK = "the same sequence by driver: a vote is findOneAndUpdate upsert by _id returning the old value + updateOne $inc of the node's totals; a reply is insertOne + updateOne $inc of the parent's replyCounts.<type>";

/** The i-th operation of the mixed sequence: every SCALE_REPLY_EVERY-th a reply, the others the next vote; `n` numbers it within its kind. */
function operation(i) {
  const replies = Math.floor(i / SCALE_REPLY_EVERY);
  return i % SCALE_REPLY_EVERY === SCALE_REPLY_EVERY - 1 ? { kind: 'reply', n: replies } : { kind: 'vote', n: i - replies };
}
const replyType = (n) => (n % 3 === 0 ? 'rebuttal' : 'support');
/** Who writes reply n of the fixtures (postReplies): the votes' pairs skip a user's own replies. */
const authors = Array.from({ length: VOTE_NODES }, (_, n) => n % VOTE_USERS);
const pairs = votePairs(VOTE_USERS, authors);

/** A side's database operations per request, by kind, as its instances counted them. */
function opsText(label, side) {
  const ops = side.dbOpsPerRequest;
  if (!ops) return `${label}: database operations not counted`;
  const rows = (list) => list.map(([k, n]) => `${k} ${n.toFixed(2)}`).join(', ');
  return `${label} database operations per request: ${ops.total.toFixed(2)} (${rows(ops.byOperation)}); writes ${ops.writes.toFixed(2)}; scans ${ops.scans.toFixed(2)} (${rows(ops.scansByOperation)})`;
}

/** Runs of several instances or clients at once, read as one. */
function combined(runs) {
  const statuses = {};
  for (const run of runs) for (const [status, n] of Object.entries(run.statuses ?? {})) statuses[status] = (statuses[status] ?? 0) + n;
  return {
    completed: runs.reduce((n, r) => n + r.completed, 0),
    sent: runs.reduce((n, r) => n + (r.sent ?? r.completed), 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    firstError: runs.find((r) => r.firstError)?.firstError ?? null,
    latencies: runs.flatMap((r) => r.latencies),
    seconds: runs[0].seconds,
    statuses,
  };
}

/**
 * `run(seconds)` through these HTTP servers at once, the SCALE_CONCURRENCY connections split evenly
 * between them, all drawing the next request from one sequence: `request(i)` is the i-th.
 */
function httpRun(baseUrls, request) {
  let next = 0;
  return async (seconds) =>
    combined(await Promise.all(baseUrls.map((baseUrl) => autocannonLoop({ baseUrl, connections: SCALE_CONCURRENCY / baseUrls.length, seconds, method: 'PUT', request: () => request(next++) }))));
}

/** Warm-up, then the measured run under CPU accounting of `pids`; `run(seconds)` drives every instance or client at once. */
async function warmAndMeasure(label, run, pids, log, quiet = async () => {}, counts = async () => null) {
  log(`  ${label}: warm-up ${WARMUP_SECONDS}s, then ${MEASURE_SECONDS}s at ${SCALE_CONCURRENCY} clients in all`);
  assertHealthy(`${label} warm-up`, await run(WARMUP_SECONDS));
  await quiet();
  const before = await counts();
  const measured = await withCpu(pids, () => run(MEASURE_SECONDS));
  assertHealthy(label, measured.result);
  await quiet();
  const dbOpsPerRequest = perRequest(before, await counts(), measured.result.sent);
  return { ...describeRun(measured.result, measured.cpu), statuses: measured.result.statuses, ...(dbOpsPerRequest ? { dbOpsPerRequest } : {}) };
}

/** The database operations of several instances, summed by kind (see query-counter.cjs). */
async function summedCounts(instances) {
  const readings = await Promise.all(instances.map((api) => readQueryCounts(api)));
  if (readings.some((r) => !r)) return null;
  const sum = {};
  for (const reading of readings)
    for (const [part, table] of Object.entries(reading)) for (const [key, n] of Object.entries(table)) ((sum[part] ??= {})[key] = (sum[part]?.[key] ?? 0) + n);
  return { counts: sum.counts ?? {}, scans: sum.scans ?? {}, writes: sum.writes ?? {} };
}

/**
 * A fresh database seeded as the API side's would be (the article's skeleton, its users, the replies
 * voted on) for the driver's sides: {db, dbName, op(i)}, where op(i) is the i-th operation of the
 * sequence as {path, body} of the HTTP floor (http-floor-server.mjs) and raw(target, i) does it by driver.
 */
async function driverFixtures(env, { label, paragraphs, stamp }) {
  const dbName = `bench_scale_${label}_${stamp}`;
  const db = env.client.db(dbName);
  await createVoteIndexes(db);
  await createNodeIndexes(db);
  const { articleId, root, claims } = articleSkeleton(paragraphs);
  const users = Array.from({ length: VOTE_USERS }, (_, u) => ({ id: new ObjectId(), username: `${label}_${u}` }));
  const nodes = authors.map((author, n) => replyDoc({ parent: claims[n % claims.length], type: replyType(n), text: replyText(n), authorId: users[author].id, authorName: users[author].username }));
  await db.collection('nodes').insertMany([root, ...claims, ...nodes]);
  /** The i-th operation: ['reply', node document] or ['vote', the vote]. */
  const work = (i) => {
    const { kind, n } = operation(i);
    if (kind === 'reply') {
      const author = users[n % users.length];
      return ['reply', replyDoc({ parent: claims[n % claims.length], type: replyType(n), text: replyText(n), authorId: author.id, authorName: author.username })];
    }
    const [u, node] = pairs[n % pairs.length];
    return ['vote', { nodeId: nodes[node]._id, userId: users[u].id, articleId, value: voteValue(n, pairs.length) }];
  };
  return {
    db,
    dbName,
    raw: (target, i) => {
      const [kind, doc] = work(i);
      return kind === 'reply' ? rawReply(target, doc) : rawVote(target, doc);
    },
    floorRequest: (i) => {
      const [kind, doc] = work(i);
      return kind === 'reply' ? { method: 'POST', path: '/reply', body: EJSON.serialize(doc) } : { method: 'PUT', path: '/vote', body: EJSON.serialize(doc) };
    },
  };
}

/** The raw side: two MongoClients on a fresh database, each with half the clients, drawing from one sequence. */
async function rawSide(env, { paragraphs, stamp, log }) {
  const { MongoClient } = require('mongoose').mongo;
  const { db, dbName, raw } = await driverFixtures(env, { label: 'raw', paragraphs, stamp });
  const clients = [new MongoClient(env.dbBase), new MongoClient(env.dbBase)];
  try {
    await Promise.all(clients.map((c) => c.connect()));
    const targets = clients.map((c) => c.db(dbName));
    let next = 0;
    const run = async (seconds) => combined(await Promise.all(targets.map((target) => closedLoop({ concurrency: SCALE_CONCURRENCY / targets.length, seconds, op: () => raw(target, next++) }))));
    const measured = await warmAndMeasure('raw driver, 2 clients', run, { db: env.pids.db, bench: env.pids.bench }, log);
    return { ...measured, check: await checkVoteTotals(db) };
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

/**
 * The HTTP floor's side: `count` bare node:http servers doing the raw side's driver calls (nothing of
 * Agora's), on a fresh database, each driven by its share of the clients as the API instances are. Its
 * two-over-one gain is what this machine allows any HTTP server doing that database work.
 */
async function floorSide(env, { count, paragraphs, stamp, log }) {
  const { db, floorRequest } = await driverFixtures(env, { label: `floor${count}`, paragraphs, stamp });
  const dbName = db.databaseName;
  const servers = [];
  try {
    for (let k = 1; k <= count; k++) servers.push(await startFloor(env, { database: dbName, name: `HTTP floor server ${k} of ${count}`, logName: `http-floor-scale${count}-${k}.log` }));
    const run = httpRun(servers.map((server) => server.baseUrl), floorRequest);
    const pids = { ...Object.fromEntries(servers.map((server, k) => [`floor${k + 1}`, server.pid])), db: env.pids.db, bench: env.pids.bench };
    const measured = await warmAndMeasure(`${count} HTTP floor server${count > 1 ? 's' : ''}`, run, pids, log);
    // A server stops once the requests the load generator abandoned at the end are done (as the API's
    // instances are waited for), so the totals are checked complete.
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    return { ...measured, servers: count, check: await checkVoteTotals(db) };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** The API side: `count` instances started on a fresh database with REDIS_URL, each driven by its share of the clients. */
async function apiSide(env, { count, stamp, log }) {
  const dbName = `bench_scale${count}_${stamp}`;
  const instances = [];
  let articleId = null;
  try {
    // One after the other: the first imports the seed article, the next ones find it there.
    for (let k = 1; k <= count; k++) {
      instances.push(
        await startApi({
          root: env.root,
          name: `API ${k} of ${count}`,
          mongoUri: `${env.dbBase}/${dbName}`,
          dataDir: join(env.dataDir, `scale${count}-api${k}`),
          logFile: join(env.resultsDir, `api-scale${count}-${k}.log`),
          redisUrl: SCALE_REDIS_URL,
          ...(env.profileDir ? { profileDir: join(env.profileDir, `scale${count}-api${k}`) } : {}),
          // Deployed as it ships: votes in one article within the default 50 ms window are numbered by
          // one move of its counter (fan-out, vote and reply run without the window, to time one event).
          env: { LIVE_COALESCE_MS: '50' },
        }),
      );
    }
    const [first] = instances;
    const article = await seedArticle(first.baseUrl);
    articleId = article.id;
    log(`  ${count} instance${count > 1 ? 's' : ''}: registering ${VOTE_USERS} users and posting ${VOTE_NODES} replies to vote on`);
    const users = await registerUsers(first.baseUrl, VOTE_USERS, `scale${count}_${stamp}`);
    const nodes = await postReplies(first.baseUrl, article, users, VOTE_NODES);
    const request = (i) => {
      const { kind, n } = operation(i);
      if (kind === 'reply') {
        const paragraph = article.paragraphs[n % article.paragraphs.length];
        return { method: 'POST', path: `/api/articles/${article.id}/paragraphs/${paragraph}/replies`, token: users[n % users.length].token, body: { type: replyType(n), text: replyText(n) } };
      }
      const [u, node] = pairs[n % pairs.length];
      return { method: 'PUT', path: `/api/nodes/${nodes[node].id}/vote`, token: users[u].token, body: { value: voteValue(n, pairs.length) } };
    };
    const run = httpRun(instances.map((api) => api.baseUrl), request);
    const pids = { ...Object.fromEntries(instances.map((api, k) => [`api${k + 1}`, api.pid])), db: env.pids.db, bench: env.pids.bench };
    // Requests autocannon abandoned at the end of a run are still served: wait until every instance is quiet.
    const quiet = async () => void (await Promise.all(instances.map((api) => settle(api))));
    const measured = await warmAndMeasure(`${count} API instance${count > 1 ? 's' : ''}`, run, pids, log, quiet, () => summedCounts(instances));
    return { ...measured, instances: count, check: await checkVoteTotals(env.client.db(dbName)) };
  } finally {
    await Promise.all(instances.map((api) => api.stop()));
    await deleteApiKeys(SCALE_REDIS_URL, [dbName, ...(articleId ? [articleId] : [])]).catch((error) => log(`  could not remove this run's Redis keys: ${error.message}`));
  }
}

export async function scaleScenario(env, log) {
  await assertRedis(SCALE_REDIS_URL);
  const stamp = Date.now().toString(36);
  const { paragraphs } = await seedArticle(env.baseUrl);
  const raw = await rawSide(env, { paragraphs: paragraphs.length, stamp, log });
  const floorOne = await floorSide(env, { count: 1, paragraphs: paragraphs.length, stamp, log });
  const floorTwo = await floorSide(env, { count: 2, paragraphs: paragraphs.length, stamp, log });
  const one = await apiSide(env, { count: 1, stamp, log });
  const two = await apiSide(env, { count: 2, stamp, log });

  const checks = [
    voteTotalsText('raw, 2 clients', raw.check),
    voteTotalsText('HTTP floor, 1 server', floorOne.check),
    voteTotalsText('HTTP floor, 2 servers', floorTwo.check),
    voteTotalsText('API, 1 instance', one.check),
    voteTotalsText('API, 2 instances', two.check),
  ];
  // Lost totals on the raw side too mean the database's own $inc is not atomic: no side can be right.
  const lost = (side, label) => (side.check.mismatches.length ? `${label}: vote totals of ${side.check.mismatches.length} of ${side.check.nodes} nodes differ from a recount` : null);
  const rawLost = raw.check.mismatches.length ? `${lost(raw, 'raw, 2 clients')} (the database loses concurrent $inc updates)` : null;
  const failures = Object.fromEntries(
    [
      ['scale-1', [lost(one, 'API, 1 instance'), rawLost]],
      ['scale-2', [lost(two, 'API, 2 instances'), rawLost]],
    ]
      .map(([name, reasons]) => [name, reasons.filter(Boolean).join('; ')])
      .filter(([, why]) => why),
  );
  for (const [name, why] of Object.entries(failures)) log(`  FAILED ${name}: ${why}`);

  const row = (name, metric, side, baseline) => ({ name, metric, value: side.perSecond, unit: UNIT, baseline: baseline.perSecond, ratio: side.perSecond / baseline.perSecond, p50: side.p50, p99: side.p99 });
  return {
    scenarios: [
      row('scale-1', 'throughput, 1 instance', one, raw),
      row('scale-2', 'throughput, 2 instances', two, raw),
      row('scale-gain', 'throughput, 2 over 1 instance', two, one),
    ],
    failures,
    details: { concurrency: SCALE_CONCURRENCY, redis: SCALE_REDIS_URL, workload: WORKLOAD, baselineWork: BASELINE_WORK, oneInstance: one, twoInstances: two, baseline: raw, floorOneServer: floorOne, floorTwoServers: floorTwo },
    notes: [
      `workload: ${WORKLOAD}; ${SCALE_CONCURRENCY} clients in all (${SCALE_CONCURRENCY} on one instance; ${SCALE_CONCURRENCY / 2} on each of two; ${SCALE_CONCURRENCY / 2} on each of two MongoClients), each side on a fresh database`,
      sideText('1 instance ', one, UNIT),
      sideText('2 instances', two, UNIT),
      sideText('raw, 2 clients', raw, UNIT),
      sideText('HTTP floor, 1 server ', floorOne, UNIT),
      sideText('HTTP floor, 2 servers', floorTwo, UNIT),
      `  HTTP floor (the raw side's driver calls behind bare node:http servers, nothing of Agora's): 2 servers over 1 ${(floorTwo.perSecond / floorOne.perSecond).toFixed(2)}x ` +
        `(the API's scale-gain: ${(two.perSecond / one.perSecond).toFixed(2)}x); 1 server ${(floorOne.perSecond / raw.perSecond).toFixed(2)}x and 2 servers ${(floorTwo.perSecond / raw.perSecond).toFixed(2)}x the raw clients`,
      opsText('1 instance ', one),
      opsText('2 instances', two),
      `baseline does: ${BASELINE_WORK}`,
      ...checks,
    ],
  };
}
