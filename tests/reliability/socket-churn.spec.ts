import type { ArgumentNode, VoteTotals } from '@agora/shared';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { registerAccount, registerAccounts, type Account } from './support/accounts';
import { objectId, openDirect, type DirectDb } from './support/direct-db';
import { call, eventually, inPool, seededRandom, sleep } from './support/http-call';
import { TreeReplica } from './support/tree-replica';

/**
 * Readers whose sockets drop and come back (to either instance) while others post, vote and edit:
 * each keeps its tree only from the events it receives, rejoining with the last seq it saw, and must
 * end with exactly the tree a fresh load gives: same nodes, texts, votes and strengths.
 */
const OPS = Number(process.env.RELIABILITY_CHURN_OPS ?? 120);
const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);
/** A short replay log, so that a reader away for long must be told to resync and reload. */
const RETENTION = 20;

/**
 * Two instances sharing rooms through Redis (each event stored, then delivered); and one instance
 * alone without Redis, which delivers an event as soon as it has its seq and stores it after.
 */
describe.each([
  { setup: 'two instances with Redis', count: 2, redis: true },
  { setup: 'one instance without Redis', count: 1, redis: false },
])('socket churn during traffic: $setup', ({ count, redis }) => {
  const instances: ApiProcess[] = [];
  let direct: DirectDb;
  let articleId: string;
  let writers: Account[], voters: Account[];
  const replicas: TreeReplica[] = [];
  /** Readers' nodes with their authors, who edit them while others vote on and reply to them. */
  const editable: { nodeId: string; by: Account }[] = [];
  const userNodes: string[] = [];
  let claims: string[];

  beforeAll(async () => {
    const mongoUri = freshDatabaseUri();
    const env = { MONGODB_URI: mongoUri, REDIS_URL: redis ? 'redis://127.0.0.1:6379' : '', LIVE_COALESCE_MS: '30', LIVE_EVENT_RETENTION: String(RETENTION) };
    for (let i = 0; i < count; i++) instances.push(await startApiProcess(env));
    direct = await openDirect(mongoUri);
    const urls = instances.map((i) => i.baseUrl);
    await registerAccount(urls[0], 'admin');
    writers = await registerAccounts(urls, 3, 'w');
    voters = await registerAccounts(urls, 5, 'v');
    articleId = (await call<{ items: { id: string }[] }>(urls[0], 'GET', '/api/articles')).body.items[0].id;
    const tree = (await call<{ items: ArgumentNode[] }>(urls[0], 'GET', `/api/articles/${articleId}/tree`)).body.items;
    claims = tree.filter((n) => n.type === 'claim' && n.parentId !== null && n.paragraphIndex! < 6).map((n) => n.id);
    for (const [i, by] of writers.entries()) {
      const res = await call<ArgumentNode>(urls[i % count], 'POST', `/api/articles/${articleId}/paragraphs/${i}/replies`, { body: { type: 'support', text: `To be edited ${i}` }, token: by.token });
      expect(res.status).toBe(201);
      editable.push({ nodeId: res.body.id, by });
      userNodes.push(res.body.id);
    }
  }, 240_000);

  afterAll(async () => {
    replicas.forEach((r) => r.disconnect());
    await direct?.close();
    await Promise.all(instances.map((i) => i.stop()));
  });

  // Pages of two instances overlap (each holds what its instance published in one window): the latest is the highest lastSeq.
  const latestSeq = async (): Promise<number> =>
    ((await direct.db.collection('live_log').find({ articleId: objectId(articleId) }).sort({ lastSeq: -1 }).limit(1).toArray())[0]?.lastSeq as number | undefined) ?? 0;

  it('leaves every reader that dropped and rejoined with exactly the tree a fresh load gives', async () => {
    const random = seededRandom(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const url = (i: number) => instances[i % count].baseUrl;
    // Four anonymous readers and one signed in (a voter, so its tree is read with its token).
    for (let i = 0; i < 5; i++) replicas.push(new TreeReplica(`reader${i}`, articleId, i === 4 ? voters[0].token : undefined));
    await Promise.all(replicas.map((r, i) => r.connect(url(i), url(i + 1))));

    let trafficDone = false;
    const unexpected: string[] = [];
    const traffic = inPool(
      Array.from({ length: OPS }, (_, i) => i),
      4,
      async (i) => {
        const via = url(i);
        const roll = random();
        if (roll < 0.3 || userNodes.length < 3) {
          const by = pick(writers);
          const nested = userNodes.length > 0 && random() < 0.4;
          const path = nested ? `/api/nodes/${pick(userNodes)}/replies` : `/api/articles/${articleId}/paragraphs/${Math.floor(random() * 6)}/replies`;
          const res = await call<ArgumentNode>(via, 'POST', path, { body: { type: random() < 0.5 ? 'support' : 'rebuttal', text: `Churn post ${i}` }, token: by.token, timeoutMs: 60_000 });
          if (res.status !== 201) return void unexpected.push(`post ${res.status} ${JSON.stringify(res.body)}`);
          userNodes.push(res.body.id);
          editable.push({ nodeId: res.body.id, by });
        } else if (roll < 0.75) {
          const by = pick(voters);
          const nodeId = random() < 0.8 ? pick(userNodes) : pick(claims);
          const withdraw = random() < 0.15;
          const res = await call(via, withdraw ? 'DELETE' : 'PUT', `/api/nodes/${nodeId}/vote`, { body: withdraw ? undefined : { value: 1 + Math.floor(random() * 5) }, token: by.token, timeoutMs: 60_000 });
          if (res.status !== 200) unexpected.push(`vote ${res.status} ${JSON.stringify(res.body)}`);
        } else {
          const target = pick(editable);
          const res = await call(via, 'PATCH', `/api/nodes/${target.nodeId}`, { body: { text: `Churn edit ${i}` }, token: target.by.token, timeoutMs: 60_000 });
          // Two edits of one node at once: the loser is told to reload, which is the rule.
          const lostRace = res.status === 400 && /changed while you edited/.test(String((res.body as { message?: string })?.message));
          if (res.status !== 200 && !lostRace) unexpected.push(`edit ${res.status} ${JSON.stringify(res.body)}`);
        }
      },
    ).finally(() => (trafficDone = true));

    // Short absences (replayed from the log) on both instances, and one long one per reader that
    // outlasts the log, so that the join answers resync and the reader reloads the tree.
    let longAbsences = 0;
    const churn = Promise.all(
      replicas.map(async (replica, i) => {
        let hops = 0;
        while (!trafficDone) {
          await sleep(150 + random() * 500);
          if (trafficDone) break;
          replica.disconnect();
          if (hops === 2 && i < 2) {
            const from = await latestSeq();
            // The log keeps between RETENTION and 1.5 × RETENTION events (it is pruned every half window).
            const outlasted = async () => (await latestSeq()) > from + RETENTION * 1.5 + 5;
            await eventually(async () => ((await outlasted()) || trafficDone ? true : undefined), 60_000, 'traffic while away', 100);
            // Only an absence the log did not cover must be answered with a resync (the traffic may end first).
            if (await outlasted()) longAbsences++;
          // Short: well inside the log's RETENTION events at this traffic's pace (~60 events/s), so that
          // it is replayed; up to 450 ms outlasted the log whenever the writes ran fast, and every join resynced.
          } else await sleep(20 + random() * 120);
          hops++;
          await replica.connect(url(i + hops), url(i + hops + 1));
        }
      }),
    );
    await Promise.all([traffic, churn]);
    expect(unexpected).toEqual([]);

    // Quiet: the last coalesced vote events are out and every reader has caught up with them.
    let last = -1;
    await eventually(async () => {
      const now = await latestSeq();
      const settled = now === last;
      last = now;
      return settled ? true : undefined;
    }, 20_000, 'event log settles', 500);
    await eventually(async () => (replicas.every((r) => r.lastSeq === last) ? true : undefined), 20_000, `every reader reaches seq ${last}`).catch((error: Error) => {
      throw new Error(`${error.message} (seed ${SEED}; log now at ${String(last)}; readers at ${replicas.map((r) => `${r.name} ${r.lastSeq} ${r.connected ? 'connected' : 'away'}`).join(', ')})`);
    });

    const summary = replicas.map((r) => `${r.name}: ${r.joins} joins, ${r.replays} replays, ${r.resyncs} resyncs`).join('; ');
    console.log(`socket churn: seed ${SEED}, ${OPS} writes, ${last} events; ${summary}`);
    for (const replica of replicas) {
      expect({ name: replica.name, gaps: replica.gaps, duplicates: replica.duplicates }).toEqual({ name: replica.name, gaps: [], duplicates: [] });
      const fresh = await call<{ items: ArgumentNode[] }>(instances[0].baseUrl, 'GET', `/api/articles/${articleId}/tree`, { token: replica.name === 'reader4' ? voters[0].token : undefined });
      expect(fresh.status).toBe(200);
      const expected = Object.fromEntries(fresh.body.items.map((n) => [n.id, comparable(n)]).sort());
      const actual = Object.fromEntries([...replica.nodes.values()].map((n) => [n.id, comparable(n)]).sort());
      expect({ name: replica.name, tree: actual }).toEqual({ name: replica.name, tree: expected });
    }
    // Both ways of catching up were exercised.
    if (longAbsences > 0) expect(replicas.reduce((n, r) => n + r.resyncs, 0)).toBeGreaterThan(0);
    expect(replicas.reduce((n, r) => n + r.replays, 0)).toBeGreaterThan(0);
  }, 300_000);
});

/** What a reader sees of a node and the live events must keep current. */
function comparable(n: ArgumentNode) {
  const h = (n.votes.histogram ?? {}) as Partial<VoteTotals['histogram']>;
  return {
    parentId: n.parentId,
    text: n.text,
    status: n.status,
    withdrawn: n.withdrawn,
    version: n.version,
    votes: { count: n.votes.count, sum: n.votes.sum, histogram: [h['1'] ?? 0, h['2'] ?? 0, h['3'] ?? 0, h['4'] ?? 0, h['5'] ?? 0] },
    strength: n.strength,
    rated: n.rated,
  };
}
