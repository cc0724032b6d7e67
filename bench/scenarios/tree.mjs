// Tree load: GET /api/articles/:id/tree on an article of TREE_NODES nodes, beside the raw driver's
// find of the same documents with the same filter and projection. The article is written straight
// into the API's database: its text split by splitArticle, its nodes built by the API's own
// buildArticleNodes, and readers' replies (some nested) in the shape NodesService stores them.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TREE_NODES, TREE_SAMPLES, TREE_WARMUP } from '../support/settings.mjs';
import { articleText } from '../support/article-text.mjs';
import { ObjectId, replyDoc, stored } from '../support/node-docs.mjs';
import { latencySummary } from '../support/stats.mjs';

const require = createRequire(import.meta.url);

/** About a tenth of the tree comes from the article text (claims and sentences); replies make up the rest. */
const ARTICLE_BYTES = 100 * 1024;

async function seedTree(env, root) {
  const { splitArticle } = require(join(root, 'libs/shared/dist/index.js'));
  const { buildArticleNodes } = require(join(root, 'apps/api/dist/modules/articles/article-nodes.js'));
  const source = articleText(root, ARTICLE_BYTES).replace('(long read)', '(tree benchmark)');
  const split = splitArticle(source);
  const articleId = new ObjectId();
  const now = new Date();
  const { root: thesis, claims, all } = buildArticleNodes(articleId, split, now);
  if (all.length >= TREE_NODES) throw new Error(`the tree article alone has ${all.length} nodes; lower ARTICLE_BYTES`);
  const sentences = all.filter((n) => n.sentenceIndex !== null);
  const replies = [];
  for (let k = 0; all.length + replies.length < TREE_NODES; k++) {
    // Every other reply answers an earlier reply, so threads run a few levels deep.
    const parent = k % 2 === 1 && replies.length ? replies[Math.floor(k / 2)] : sentences[k % sentences.length];
    replies.push(replyDoc({ parent, type: k % 3 === 0 ? 'rebuttal' : 'support', text: `Reader reply ${k}: ${sentences[(k * 7) % sentences.length].text}`, authorId: new ObjectId(), authorName: `reader_${k % 500}`, now }));
  }
  const hash = createHash('sha256').update(source).digest('hex');
  const ids = new Map(all.filter((n) => n.sentenceIndex !== null).map((n) => [`${n.paragraphIndex}:${n.sentenceIndex}`, String(n._id)]));
  await env.apiDb.collection('article_texts').insertOne({
    _id: articleId,
    source,
    paragraphs: split.paragraphs.map((p, i) => ({ ...p, nodeId: String(claims[i]._id), sentences: p.sentences.map((s) => ({ ...s, nodeId: ids.get(`${p.index}:${s.index}`) })) })),
  });
  await env.apiDb.collection('articles').insertOne({
    _id: articleId,
    title: split.title,
    slug: `tree-benchmark-${hash.slice(0, 8)}`,
    hash,
    rootNodeId: thesis._id,
    state: 'ready',
    locked: false,
    paragraphCount: split.paragraphs.length,
    nodeCount: all.length,
    replyCount: replies.length,
    createdAt: now,
    lastActivityAt: now,
  });
  const docs = [...all.map(stored), ...replies];
  for (let i = 0; i < docs.length; i += 1000) await env.apiDb.collection('nodes').insertMany(docs.slice(i, i + 1000), { ordered: true });
  return { articleId, articleNodes: all.length, replies: replies.length };
}

export async function treeScenario(env, log, { root }) {
  log(`  writing a ${TREE_NODES}-node article into the API's database`);
  const seeded = await seedTree(env, root);
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
    details: { ...seeded, articleId: String(seeded.articleId), responseBytes: bytes, nodesInCollection: total, api: apiSummary, baseline: rawSummary, articleDetail: detailSummary },
    notes: [
      `article of ${TREE_NODES} nodes (${seeded.articleNodes} from its text, ${seeded.replies} replies); the nodes collection holds ${total} in all`,
      `API      p50 ${apiSummary.p50.toFixed(1)} ms, p99 ${apiSummary.p99.toFixed(1)} ms, ${(bytes / 1e6).toFixed(2)} MB of JSON (p99 of ${TREE_SAMPLES} loads is the slowest)`,
      `baseline p50 ${rawSummary.p50.toFixed(1)} ms, p99 ${rawSummary.p99.toFixed(1)} ms (find {articleId, status: 'visible'}, projection {history: 0}, toArray)`,
      `GET /api/articles/:id of the same article (paragraphs and their claims' figures): p50 ${detailSummary.p50.toFixed(1)} ms`,
    ],
  };
}
