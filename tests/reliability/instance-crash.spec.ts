import type { ArgumentNode, VoteTotals } from '@agora/shared';
import { connectLive, type LiveClient } from '../../apps/api/test/support/live-client';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { registerAccount, registerAccounts, type Account } from './support/accounts';
import { objectId, openDirect, storedVotes, tallyByNode, type DirectDb } from './support/direct-db';
import { derivedMismatches } from './support/derived-figures';
import { call, eventually, type Answer } from './support/http-call';

/**
 * Two instances share a database; one is killed (SIGKILL: no shutdown hook, requests cut mid-flight)
 * during a burst of posts and votes through both. Whatever was acknowledged with a 2xx must be in the
 * database, and the survivor must go on serving as if nothing happened.
 */
const WORKERS = 6;
const OPS = Number(process.env.RELIABILITY_CRASH_OPS ?? 72);
/** The victim dies once this many writes have been acknowledged, with more of its requests in flight. */
const KILL_AFTER_ACKED = 20;

type Op = { kind: 'post'; by: Account; parentPath: string; text: string } | { kind: 'vote'; by: Account; nodeId: string; value: number };
interface Outcome {
  op: Op;
  via: 'victim' | 'survivor';
  answer: Answer<{ id?: string; myVote?: number }>;
}

describe('one of two instances killed during a burst of writes', () => {
  let victim: ApiProcess, survivor: ApiProcess;
  let direct: DirectDb;
  let articleId: string;
  let posters: Account[], voters: Account[];
  let targets: string[];
  const outcomes: Outcome[] = [];
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    const mongoUri = freshDatabaseUri();
    const env = { MONGODB_URI: mongoUri, REDIS_URL: 'redis://127.0.0.1:6379', LIVE_COALESCE_MS: '30', REPAIR_SWEEP_MS: '500' };
    victim = await startApiProcess(env);
    survivor = await startApiProcess(env);
    direct = await openDirect(mongoUri);
    const urls = [victim.baseUrl, survivor.baseUrl];
    await registerAccount(urls[0], 'admin');
    posters = await registerAccounts(urls, 3, 'p');
    voters = await registerAccounts(urls, 6, 'v');
    articleId = (await call<{ items: { id: string }[] }>(urls[1], 'GET', '/api/articles')).body.items[0].id;
    targets = [];
    for (let i = 0; i < 4; i++) {
      const res = await call<ArgumentNode>(urls[i % 2], 'POST', `/api/articles/${articleId}/paragraphs/${i}/replies`, { body: { type: 'rebuttal', text: `Vote target ${i}` }, token: posters[0].token });
      expect(res.status).toBe(201);
      targets.push(res.body.id);
    }
  }, 240_000);

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await direct?.close();
    await Promise.all([victim?.stop('SIGKILL'), survivor?.stop()]);
  });

  /** Posts (to paragraphs and to earlier targets) and first votes, each vote a distinct (voter, node) pair. */
  function plan(): Op[] {
    const votePairs = voters.flatMap((by, v) => targets.map((nodeId, n) => ({ by, nodeId, value: 1 + ((v + n) % 5) })));
    const ops: Op[] = [];
    for (let i = 0; i < OPS; i++) {
      const vote = i % 2 === 1 ? votePairs.shift() : undefined;
      if (vote) ops.push({ kind: 'vote', ...vote });
      else {
        const by = posters[i % posters.length];
        const parentPath = i % 3 === 0 ? `/api/nodes/${targets[i % targets.length]}/replies` : `/api/articles/${articleId}/paragraphs/${i % 6}/replies`;
        ops.push({ kind: 'post', by, parentPath, text: `Burst post ${i} by ${by.username}` });
      }
    }
    return ops;
  }

  it('keeps every acknowledged write when an instance is SIGKILLed mid-burst', async () => {
    const queue = plan();
    let killed = false;
    let acked = 0;
    let next = 0;
    const killedAt: { inFlightOnVictim: number } = { inFlightOnVictim: 0 };
    let inFlightOnVictim = 0;
    const worker = async (w: number) => {
      while (next < queue.length) {
        const op = queue[next++];
        const via = !killed && (next + w) % 2 === 0 ? 'victim' : 'survivor';
        const base = via === 'victim' ? victim.baseUrl : survivor.baseUrl;
        if (via === 'victim') inFlightOnVictim++;
        const answer =
          op.kind === 'post'
            ? await call<{ id?: string }>(base, 'POST', op.parentPath, { body: { type: 'support', text: op.text }, token: op.by.token, timeoutMs: 60_000 })
            : await call<{ myVote?: number }>(base, 'PUT', `/api/nodes/${op.nodeId}/vote`, { body: { value: op.value }, token: op.by.token, timeoutMs: 60_000 });
        if (via === 'victim') inFlightOnVictim--;
        outcomes.push({ op, via, answer });
        if (answer.status >= 200 && answer.status < 300) acked++;
        if (!killed && acked >= KILL_AFTER_ACKED) {
          killed = true;
          killedAt.inFlightOnVictim = inFlightOnVictim;
          await victim.stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    expect(killed).toBe(true);
    expect(victim.child.signalCode).toBe('SIGKILL');

    const ok = outcomes.filter((o) => o.answer.status >= 200 && o.answer.status < 300);
    const lost = outcomes.filter((o) => o.via === 'victim' && o.answer.status === 0).length;
    console.log(`instance crash: ${outcomes.length} writes, ${ok.length} acknowledged, ${lost} cut off by the kill (${killedAt.inFlightOnVictim} in flight on the victim as it died)`);
    // The survivor answered every request it was sent, during the crash and after it.
    const survivorFailures = outcomes.filter((o) => o.via === 'survivor' && !(o.answer.status >= 200 && o.answer.status < 300));
    expect(survivorFailures.map((o) => `${o.op.kind}: ${o.answer.status} ${JSON.stringify(o.answer.body)} ${o.answer.error ?? ''}`)).toEqual([]);
    // The victim answered properly until it died: a refusal or reset, never an error status.
    expect(outcomes.filter((o) => o.via === 'victim' && o.answer.status >= 300).map((o) => o.answer.status)).toEqual([]);

    const posts = ok.filter((o): o is Outcome & { op: Extract<Op, { kind: 'post' }> } => o.op.kind === 'post');
    const stored = await direct.db
      .collection('nodes')
      .find({ _id: { $in: posts.map((o) => objectId(o.answer.body.id!)) } })
      .toArray();
    const storedText = new Map(stored.map((n) => [String(n._id), n.text as string]));
    expect(posts.filter((o) => storedText.get(o.answer.body.id!) !== o.op.text).map((o) => o.answer.body.id)).toEqual([]);

    const votes = ok.filter((o): o is Outcome & { op: Extract<Op, { kind: 'vote' }> } => o.op.kind === 'vote');
    const storedVoteValues = new Map((await storedVotes(direct.db, { articleId: objectId(articleId) })).map((v) => [`${v.nodeId}/${v.userId}`, v.value]));
    expect(votes.filter((o) => storedVoteValues.get(`${o.op.nodeId}/${o.op.by.id}`) !== o.op.value).map((o) => `${o.op.nodeId}/${o.op.by.username}`)).toEqual([]);

    // And the survivor serves them all.
    const tree = await call<{ items: ArgumentNode[] }>(survivor.baseUrl, 'GET', `/api/articles/${articleId}/tree`);
    const ids = new Set(tree.body.items.map((n) => n.id));
    expect(posts.filter((o) => !ids.has(o.answer.body.id!)).length).toBe(0);
  }, 240_000);

  it('goes on serving on the survivor: health, posts, votes and live events', async () => {
    const health = await call(survivor.baseUrl, 'GET', '/api/health', { timeoutMs: 10_000 });
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', db: 'up', redis: 'up' } });
    const reader = await connectLive(survivor.baseUrl);
    clients.push(reader);
    expect(await reader.join(articleId)).toMatchObject({ ok: true });
    const post = await call<ArgumentNode>(survivor.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/5/replies`, {
      body: { type: 'support', text: 'Written after the crash.' },
      token: posters[1].token,
    });
    expect(post.status).toBe(201);
    await reader.waitFor((e) => e.name === 'node:created' && (e.payload.node as ArgumentNode).id === post.body.id);
    const fresh = await registerAccount(survivor.baseUrl, 'after');
    // A vote on every target also converges any totals a write cut off by the kill left behind.
    for (const nodeId of targets) {
      const vote = await call(survivor.baseUrl, 'PUT', `/api/nodes/${nodeId}/vote`, { body: { value: 5 }, token: fresh.token });
      expect(vote.status).toBe(200);
    }
    // A vote the victim stored but whose totals it never moved is counted by the repair sweep once its
    // mark is 15 s old: the survivor's own votes keep moving the totals by their difference meanwhile.
    const exact = async () => {
      const tally = tallyByNode(await storedVotes(direct.db, { nodeId: { $in: targets.map(objectId) } }));
      const nodes = await direct.db.collection('nodes').find({ _id: { $in: targets.map(objectId) } }).toArray();
      return nodes.every((n) => sameTotals(n.votes as VoteTotals, tally.get(String(n._id))!)) ? true : undefined;
    };
    expect(await eventually(exact, 45_000, 'totals equal to the votes', 1000).catch(() => false)).toBe(true);
  }, 120_000);

  it("repairs whatever the victim's cut-off writes left half-done: every derived figure equals a recomputation", async () => {
    // A vote the victim stored without moving its node's totals keeps its pending mark; the survivor's
    // sweep recounts such nodes once the mark is older than STALE_PENDING_MS (15 s).
    const settled = await eventually(async () => ((await derivedMismatches(direct.db, articleId, survivor.baseUrl)).length === 0 ? true : undefined), 45_000, 'derived figures to be repaired', 1000).catch(() => false);
    expect(settled ? [] : await derivedMismatches(direct.db, articleId, survivor.baseUrl)).toEqual([]);
  }, 60_000);
});

function sameTotals(a: VoteTotals, b: VoteTotals): boolean {
  return a.count === b.count && a.sum === b.sum && (['1', '2', '3', '4', '5'] as const).every((k) => (a.histogram[k] ?? 0) === (b.histogram[k] ?? 0));
}
