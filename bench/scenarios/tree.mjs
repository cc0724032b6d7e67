// Tree load: GET /api/articles/:id/tree on an article of TREE_NODES nodes, beside the raw driver's
// find of the same documents with the same filter and projection. The article is written straight
// into the API's database (debate-fixture.mjs), without votes.
import { TREE_NODES, TREE_SAMPLES, TREE_WARMUP } from '../support/settings.mjs';
import { seedDebate } from '../support/debate-fixture.mjs';
import { latencySummary } from '../support/stats.mjs';

export async function treeScenario(env, log, { root }) {
  log(`  writing a ${TREE_NODES}-node article into the API's database`);
  const seeded = await seedDebate(env.apiDb, root, { label: 'tree benchmark', nodes: TREE_NODES });
  const url = `${env.baseUrl}/api/articles/${seeded.articleId}/tree`;
  let bytes = 0;
  const loadThroughApi = async () => {
    const res = await fetch(url);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET tree: ${res.status} ${Buffer.from(body).toString('utf8', 0, 300)}`);
    bytes = body.byteLength;
    return body;
  };
  const nodes = env.apiDb.collection('nodes');
  let found = 0;
  const loadThroughDriver = async () => {
    // NodesRepository.findTree for an anonymous reader: the same filter and projection.
    found = (await nodes.find({ articleId: seeded.articleId, status: 'visible' }, { projection: { history: 0 } }).toArray()).length;
  };

  const first = JSON.parse(Buffer.from(await loadThroughApi()).toString('utf8'));
  await loadThroughDriver();
  if (first.items.length !== TREE_NODES || found !== TREE_NODES) throw new Error(`expected ${TREE_NODES} nodes, the API returned ${first.items.length} and the driver ${found}`);

  // Alternate the two so that neither gets the quieter moments of the database.
  log(`  ${TREE_WARMUP} warm-up loads each, then ${TREE_SAMPLES} timed loads each, alternating`);
  const apiTimes = [];
  const rawTimes = [];
  for (let i = 0; i < TREE_WARMUP + TREE_SAMPLES; i++) {
    for (const [load, times] of [
      [loadThroughApi, apiTimes],
      [loadThroughDriver, rawTimes],
    ]) {
      const t0 = performance.now();
      await load();
      if (i >= TREE_WARMUP) times.push(performance.now() - t0);
    }
  }
  const apiSummary = latencySummary(apiTimes);
  const rawSummary = latencySummary(rawTimes);
  // Context, not a target: the rest of what opening the article's page asks for.
  const detailTimes = [];
  for (let i = 0; i < TREE_SAMPLES; i++) {
    const t0 = performance.now();
    const res = await fetch(`${env.baseUrl}/api/articles/${seeded.articleId}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET article: ${res.status}`);
    detailTimes.push(performance.now() - t0);
  }
  const detailSummary = latencySummary(detailTimes);
  const total = await nodes.estimatedDocumentCount();
  return {
    scenario: { name: 'tree', metric: 'p50 latency', value: apiSummary.p50, unit: 'ms', baseline: rawSummary.p50, ratio: apiSummary.p50 / rawSummary.p50, p50: apiSummary.p50, p99: apiSummary.p99 },
    details: { articleId: String(seeded.articleId), articleNodes: seeded.articleNodes, replies: seeded.replies, responseBytes: bytes, nodesInCollection: total, api: apiSummary, baseline: rawSummary, articleDetail: detailSummary },
    notes: [
      `article of ${TREE_NODES} nodes (${seeded.articleNodes} from its text, ${seeded.replies} replies); the nodes collection holds ${total} in all`,
      `API      p50 ${apiSummary.p50.toFixed(1)} ms, p99 ${apiSummary.p99.toFixed(1)} ms, ${(bytes / 1e6).toFixed(2)} MB of JSON (p99 of ${TREE_SAMPLES} loads is the slowest)`,
      `baseline p50 ${rawSummary.p50.toFixed(1)} ms, p99 ${rawSummary.p99.toFixed(1)} ms (find {articleId, status: 'visible'}, projection {history: 0}, toArray)`,
      `GET /api/articles/:id of the same article (paragraphs and their claims' figures): p50 ${detailSummary.p50.toFixed(1)} ms`,
    ],
  };
}
