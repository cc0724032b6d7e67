// Big debate: the first screen of an article of BIG_DEBATE_NODES nodes and BIG_DEBATE_VOTES votes,
// GET /api/articles/:id with a reader's bearer token (paragraphs with their claims' figures, the
// strongest replies, the reader's own votes on what is shown). An API instance of its own on a fresh
// database, so the figures do not depend on what the other scenarios left in theirs. Warm: one article
// loaded by BIG_DEBATE_READERS readers at once after a warm-up. Cold: the API started afresh, so that it
// has not read the article, and its first load. Both beside the raw driver's find({articleId}) of the
// article's nodes. The database holds this one article (its 10,000 nodes and 50,000 votes).
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  BIG_DEBATE_COLD_SAMPLES,
  BIG_DEBATE_NODES,
  BIG_DEBATE_RAW_SAMPLES,
  BIG_DEBATE_READERS,
  BIG_DEBATE_VOTERS,
  BIG_DEBATE_VOTES,
  MEASURE_SECONDS,
  WARMUP_SECONDS,
} from '../support/settings.mjs';
import { registerUsers } from '../support/api-fixtures.mjs';
import { startApi } from '../support/api-instance.mjs';
import { seedDebate } from '../support/debate-fixture.mjs';
import { ObjectId } from '../support/node-docs.mjs';
import { perRequest, readQueryCounts, settle } from '../support/query-counts.mjs';
import { closedLoop, latencySummary, median, sequential } from '../support/stats.mjs';

/** The debate as readers build it: a third of the replies answer a paragraph, the rest a sentence or another reply; 1 to 4 sentences each. */
const SHAPE = { nodes: BIG_DEBATE_NODES, claimReplyShare: 1 / 3, replySentences: (k) => 1 + (k % 4), votes: BIG_DEBATE_VOTES, voters: BIG_DEBATE_VOTERS };

const timed = async (work) => {
  const t0 = performance.now();
  const result = await work();
  return { ms: performance.now() - t0, result };
};

/** What the first screen holds, as counted from one response. */
function screenContents(body) {
  const paragraphs = body.paragraphs ?? [];
  const topReplies = paragraphs.reduce((n, p) => n + (Array.isArray(p.topReplies) ? p.topReplies.length : 0), 0);
  const withTopReplies = paragraphs.some((p) => 'topReplies' in p);
  const myVotes = body.myVotes && typeof body.myVotes === 'object' ? Object.keys(body.myVotes).length : null;
  return { paragraphs: paragraphs.length, topReplies: withTopReplies ? topReplies : null, myVotes };
}

const ms = (x) => x.toFixed(1);

export async function bigDebateScenario(env, log, { root }) {
  const stamp = Date.now().toString(36);
  const dbName = `bench_debate_${stamp}`;
  const db = env.client.db(dbName);
  let starts = 0;
  const start = () => startApi({ root, name: 'API (big debate)', mongoUri: `${env.dbBase}/${dbName}`, dataDir: join(env.dataDir, 'big-debate-api'), logFile: join(env.resultsDir, `api-big-debate-${++starts}.log`) });
  let api = await start();
  try {
    const [reader] = await registerUsers(api.baseUrl, 1, `debate_${stamp}`);
    log(`  writing the article: ${BIG_DEBATE_NODES} nodes, ${BIG_DEBATE_VOTES} votes`);
    const articles = [];
    const seeding = await timed(async () => articles.push(await seedDebate(db, root, { ...SHAPE, label: 'big debate', reader: new ObjectId(reader.id) })));
    const [warm] = articles;
    const nodes = db.collection('nodes');
    const load = async (article, signedIn = true) => {
      const res = await fetch(`${api.baseUrl}/api/articles/${article.articleId}`, { headers: signedIn ? { authorization: `Bearer ${reader.token}` } : {} });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`GET /api/articles/${article.articleId}: ${res.status} ${text.slice(0, 300)}`);
      return { bytes: Buffer.byteLength(text), body: JSON.parse(text) };
    };
    const rawFind = async (article) => (await nodes.find({ articleId: article.articleId }).toArray()).length;

    // Warm: the reader's first screen, loaded by several readers at once.
    log(`  warm: ${BIG_DEBATE_READERS} readers, ${WARMUP_SECONDS}s warm-up, then ${MEASURE_SECONDS}s`);
    const screen = await load(warm);
    await closedLoop({ concurrency: BIG_DEBATE_READERS, seconds: WARMUP_SECONDS, op: () => load(warm) });
    await settle(api);
    const before = await readQueryCounts(api);
    const warmRun = await closedLoop({ concurrency: BIG_DEBATE_READERS, seconds: MEASURE_SECONDS, op: () => load(warm) });
    if (warmRun.completed === 0) throw new Error(`warm loads all failed: ${warmRun.firstError?.message}`);
    await settle(api);
    const warmOps = perRequest(before, await readQueryCounts(api), warmRun.completed + warmRun.errors);
    const warmSummary = { ...latencySummary(warmRun.latencies), perSecond: warmRun.completed / warmRun.seconds, errors: warmRun.errors };
    // The same without a token (no votes of the reader's to look up): where the warm time goes.
    const anonymousRun = await closedLoop({ concurrency: BIG_DEBATE_READERS, seconds: MEASURE_SECONDS, op: () => load(warm, false) });
    const anonymous = latencySummary(anonymousRun.latencies);

    // The baseline: every node of the article, all fields, one find at a time.
    const found = await rawFind(warm);
    if (found !== BIG_DEBATE_NODES) throw new Error(`the raw find returned ${found} nodes, not ${BIG_DEBATE_NODES}`);
    const rawSummary = latencySummary(await sequential(BIG_DEBATE_RAW_SAMPLES, () => rawFind(warm)));

    // Cold: the API started afresh (it has not read the article), its first load, then one raw find.
    log(`  cold: ${BIG_DEBATE_COLD_SAMPLES} fresh starts of the API, each loading the article once, each beside one raw find`);
    const coldTimes = [];
    const coldRawTimes = [];
    const coldOps = [];
    for (let k = 0; k < BIG_DEBATE_COLD_SAMPLES; k++) {
      await api.stop();
      api = await start();
      await settle(api);
      const counts = await readQueryCounts(api);
      coldTimes.push((await timed(() => load(warm))).ms);
      await settle(api);
      coldOps.push(perRequest(counts, await readQueryCounts(api), 1));
      coldRawTimes.push((await timed(() => rawFind(warm))).ms);
    }
    const coldSummary = { p50: median(coldTimes), p99: Math.max(...coldTimes), samples: coldTimes };
    const coldRaw = { p50: median(coldRawTimes), samples: coldRawTimes };

    const contents = screenContents(screen.body);
    const sizes = { nodes: await nodes.estimatedDocumentCount(), votes: await db.collection('votes').estimatedDocumentCount() };
    const opsText = (ops) => (ops ? `${ops.total.toFixed(1)} (${ops.byOperation.map(([k, n]) => `${k} ${n.toFixed(1)}`).join(', ') || 'none'})` : '-');
    return {
      scenarios: [
        { name: 'big-debate', metric: 'p50 latency, warm', value: warmSummary.p50, unit: 'ms', baseline: rawSummary.p50, ratio: warmSummary.p50 / rawSummary.p50, p50: warmSummary.p50, p99: warmSummary.p99 },
        { name: 'big-debate-cold', metric: 'latency, first load', value: coldSummary.p50, unit: 'ms', baseline: coldRaw.p50, ratio: coldSummary.p50 / coldRaw.p50, p50: coldSummary.p50, p99: coldSummary.p99 },
      ],
      details: {
        article: { ...warm, articleId: String(warm.articleId) },
        articles: articles.length,
        seedingSeconds: seeding.ms / 1000,
        collections: sizes,
        responseBytes: screen.bytes,
        contents,
        warm: { ...warmSummary, dbOpsPerRequest: warmOps },
        baseline: rawSummary,
        cold: { ...coldSummary, dbOpsPerRequest: coldOps },
        coldBaseline: coldRaw,
      },
      notes: [
        `each article: ${warm.articleNodes} nodes from its text and ${warm.replies} replies (${warm.claimReplies} to a paragraph, nested up to depth ${warm.maxDepth}), ${(warm.textBytes / 1e6).toFixed(1)} MB of text, ${warm.votes} votes (${warm.readerVotes} by the reader); ${articles.length} of them written in ${(seeding.ms / 1000).toFixed(0)} s; the database holds ${sizes.nodes} nodes and ${sizes.votes} votes`,
        `first screen with the reader's token: ${(screen.bytes / 1e3).toFixed(1)} kB, ${contents.paragraphs} paragraphs, topReplies ${contents.topReplies ?? 'absent'}, myVotes ${contents.myVotes ?? 'absent'}`,
        `warm     p50 ${ms(warmSummary.p50)} ms, p99 ${ms(warmSummary.p99)} ms over ${warmRun.completed} loads by ${BIG_DEBATE_READERS} readers (${warmSummary.perSecond.toFixed(1)}/s, ${warmRun.errors} failed); database operations per load: ${opsText(warmOps)}`,
        `warm, anonymous (no votes of the reader's to look up): p50 ${ms(anonymous.p50)} ms, p99 ${ms(anonymous.p99)} ms over ${anonymousRun.completed} loads`,
        `cold     ${coldTimes.map(ms).join(', ')} ms (median ${ms(coldSummary.p50)}): the article's first load after each fresh start; database operations of the first: ${opsText(coldOps[0])}`,
        `baseline find({articleId}).toArray(), all fields, one at a time: warm article p50 ${ms(rawSummary.p50)} ms, p99 ${ms(rawSummary.p99)} ms; beside each cold load ${coldRawTimes.map(ms).join(', ')} ms (median ${ms(coldRaw.p50)})`,
      ],
    };
  } finally {
    await api.stop();
  }
}
