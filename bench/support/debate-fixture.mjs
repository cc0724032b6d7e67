// A large debated article written straight into an API's database, as if readers had built it: the
// text split by splitArticle, its nodes built by the API's own buildArticleNodes, readers' replies in
// the shape NodesService stores them (some nested several levels), and optionally votes, each node's
// totals matching its votes. Writing through the API would take minutes per article; what is measured
// is reading it back.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { articleText } from './article-text.mjs';
import { ObjectId, replyDoc, stored } from './node-docs.mjs';

const require = createRequire(import.meta.url);

/** About a tenth of a 10,000-node debate comes from the article text (claims and sentences); replies make up the rest. */
const ARTICLE_BYTES = 100 * 1024;
const INSERT_BATCH = 1000;

/**
 * A fixed-seed generator in [0, 1) (mulberry32), so every run and every copy of an article is the same.
 * In 32-bit integer arithmetic: an LCG in doubles loses precision and cycles within some 10,000 draws.
 */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Vote values as readers give them: more agreement than not, few extremes at the bottom. */
const VALUE_WEIGHTS = [0.08, 0.12, 0.25, 0.32, 0.23];
function voteValue(random) {
  let r = random();
  for (let v = 0; v < VALUE_WEIGHTS.length; v++) if ((r -= VALUE_WEIGHTS[v]) < 0) return v + 1;
  return 5;
}

/**
 * Votes on the article's nodes: `count` in all, from `voters` readers, most on the shallow nodes
 * (claims, then the first replies) as readers vote on what they see first; `reader`, when given,
 * votes on every claim and on a few replies to claims, so the first screen shows some of its votes.
 * Sets each node's totals (count, sum, histogram) and votesVersion from its votes.
 */
function castVotes({ articleId, nodes, claims, claimReplies, count, voters, reader, now }) {
  const random = seeded(7);
  const voterIds = Array.from({ length: voters }, () => new ObjectId());
  const byDepth = nodes.filter((n) => n.depth > 0).sort((a, b) => a.depth - b.depth);
  const votes = new Map();
  const cast = (node, userId, value) => {
    const _id = `${node._id}:${userId}`;
    if (votes.has(_id)) return;
    votes.set(_id, { _id, nodeId: node._id, userId, articleId, value, updatedAt: now });
    const totals = node.votes;
    totals.count++;
    totals.sum += value;
    totals.histogram[String(value)]++;
    node.votesVersion++;
  };
  const readerVotes = reader ? [...claims, ...claimReplies.slice(0, 20)] : [];
  for (const node of readerVotes) cast(node, reader, voteValue(random));
  if (count > byDepth.length * voters) throw new Error(`${count} votes cannot be cast by ${voters} voters on ${byDepth.length} nodes`);
  while (votes.size < count) cast(byDepth[Math.floor(byDepth.length * random() ** 2)], voterIds[Math.floor(random() * voters)], voteValue(random));
  return { votes: [...votes.values()], readerVotes: readerVotes.length };
}

/**
 * Writes one article of `nodes` nodes into `db` (an API's database) and resolves to its ids and sizes.
 * `label` names it (title, slug; it also makes its hash unique); `claimReplyShare` of the replies answer
 * a paragraph's claim (the rest answer a sentence or, one in two, an earlier reply); reply k is
 * `replySentences(k)` sentences long; `votes` from `voters` readers (and `reader`'s own) are cast.
 */
export async function seedDebate(db, root, { label, nodes: total, claimReplyShare = 0, replySentences = () => 1, votes = 0, voters = 0, reader = null }) {
  const { splitArticle } = require(join(root, 'libs/shared/dist/index.js'));
  const { buildArticleNodes } = require(join(root, 'apps/api/dist/modules/articles/article-nodes.js'));
  const source = articleText(root, ARTICLE_BYTES).replace('(long read)', `(${label})`);
  const split = splitArticle(source);
  const articleId = new ObjectId();
  const now = new Date();
  const built = buildArticleNodes(articleId, split, now);
  const all = built.all.map(stored);
  const byId = new Map(all.map((n) => [String(n._id), n]));
  const thesis = byId.get(String(built.root._id));
  const claims = built.claims.map((c) => byId.get(String(c._id)));
  if (all.length >= total) throw new Error(`the article alone has ${all.length} nodes; lower ARTICLE_BYTES`);
  const sentences = all.filter((n) => n.sentenceIndex !== null);
  const random = seeded(11);
  const replies = [];
  const claimReplies = [];
  for (let k = 0; all.length + replies.length < total; k++) {
    const onClaim = random() < claimReplyShare;
    // Every other reply answers an earlier reply, so threads run a few levels deep.
    const parent = onClaim ? claims[k % claims.length] : k % 2 === 1 && replies.length ? replies[Math.floor(k / 2)] : sentences[k % sentences.length];
    const text = Array.from({ length: replySentences(k) }, (_, s) => sentences[(k * 7 + s * 13) % sentences.length].text).join(' ');
    const reply = replyDoc({ parent, type: k % 3 === 0 ? 'rebuttal' : 'support', text: `Reader reply ${k}: ${text}`, authorId: new ObjectId(), authorName: `reader_${k % 500}`, now });
    replies.push(reply);
    if (onClaim) claimReplies.push(reply);
  }
  const docs = [...all, ...replies];
  const cast = votes ? castVotes({ articleId, nodes: docs, claims, claimReplies, count: votes, voters, reader, now }) : { votes: [], readerVotes: 0 };

  const hash = createHash('sha256').update(source).digest('hex');
  const ids = new Map(sentences.map((n) => [`${n.paragraphIndex}:${n.sentenceIndex}`, String(n._id)]));
  await db.collection('article_texts').insertOne({
    _id: articleId,
    source,
    paragraphs: split.paragraphs.map((p, i) => ({ ...p, nodeId: String(claims[i]._id), sentences: p.sentences.map((s) => ({ ...s, nodeId: ids.get(`${p.index}:${s.index}`) })) })),
  });
  await db.collection('articles').insertOne({
    _id: articleId,
    title: split.title,
    slug: `${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${hash.slice(0, 8)}`,
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
  for (let i = 0; i < docs.length; i += INSERT_BATCH) await db.collection('nodes').insertMany(docs.slice(i, i + INSERT_BATCH), { ordered: true });
  for (let i = 0; i < cast.votes.length; i += INSERT_BATCH) await db.collection('votes').insertMany(cast.votes.slice(i, i + INSERT_BATCH), { ordered: true });
  return {
    articleId,
    articleNodes: all.length,
    replies: replies.length,
    claimReplies: claimReplies.length,
    maxDepth: Math.max(...docs.map((n) => n.depth)),
    textBytes: docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0),
    votes: cast.votes.length,
    readerVotes: cast.readerVotes,
  };
}
