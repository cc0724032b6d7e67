import type { ArgumentNode } from '@agora/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedFerretDb, type EmbeddedDatabase } from '../../apps/api/src/infra/database/embedded-ferretdb';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { registerAccount, type Account } from './support/accounts';
import { objectId, openDirect } from './support/direct-db';
import { call, eventually, sleep, type Answer } from './support/http-call';

/**
 * The database goes away under a running API and comes back on the same port and data. While it is
 * gone every request that needs it is answered 503 in the one error shape within a second (never a hang,
 * never a crash), and /api/health says so from its first check; once it is back the API serves again
 * within 5 s, by itself, and nothing acknowledged before is missing.
 */
const ANSWER_WITHIN_MS = 1_000;
const RECOVER_WITHIN_MS = 5_000;
/** How long requests keep being sent while the database is gone: the driver's heartbeat fails many times over. */
const OUTAGE_MS = 4_000;

const portOpen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('database outage', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'agora-outage-'));
  let port: number;
  let db: EmbeddedDatabase | null = null;
  let api: ApiProcess;
  let uri: string;
  let articleId: string;
  let alice: Account, bob: Account;
  let sampleNode: string;
  /** Every write the API acknowledged before the outage. */
  const acked: { posts: { id: string; text: string }[]; votes: { nodeId: string; userId: string; value: number }[] } = { posts: [], votes: [] };

  const startDatabase = async () => {
    db = await startEmbeddedFerretDb(dataDir, { port, log: () => undefined });
  };

  beforeAll(async () => {
    port = await freePort();
    await startDatabase();
    uri = `mongodb://127.0.0.1:${port}/agora_outage`;
    api = await startApiProcess({ MONGODB_URI: uri });
    await registerAccount(api.baseUrl, 'admin');
    alice = await registerAccount(api.baseUrl, 'alice');
    bob = await registerAccount(api.baseUrl, 'bob');
    articleId = (await call<{ items: { id: string }[] }>(api.baseUrl, 'GET', '/api/articles')).body.items[0].id;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (by: Account, text: string, paragraph = 1): Promise<Answer<ArgumentNode>> =>
    call<ArgumentNode>(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/${paragraph}/replies`, { body: { type: 'support', text }, token: by.token, timeoutMs: 15_000 });
  const vote = (by: Account, nodeId: string, value: number): Promise<Answer> =>
    call(api.baseUrl, 'PUT', `/api/nodes/${nodeId}/vote`, { body: { value }, token: by.token, timeoutMs: 15_000 });

  it('serves traffic while the database is up', async () => {
    for (let i = 0; i < 6; i++) {
      const by = i % 2 ? bob : alice;
      const res = await post(by, `Before the outage ${i}`, i % 4);
      expect(res.status).toBe(201);
      acked.posts.push({ id: res.body.id, text: `Before the outage ${i}` });
      const voter = i % 2 ? alice : bob;
      const value = 1 + (i % 5);
      expect((await vote(voter, res.body.id, value)).status).toBe(200);
      acked.votes.push({ nodeId: res.body.id, userId: voter.id, value });
    }
    sampleNode = acked.posts[0].id;
  }, 60_000);

  it('answers 503 within a second, reports db down from the first check and stays up while the database is gone', async () => {
    // Killed, not stopped: a draining FerretDB would still answer on pooled connections for a moment.
    await db!.stop({ kill: true });
    db = null;
    expect(await portOpen(port)).toBe(false);
    const requests: [string, () => Promise<Answer>][] = [
      ['GET articles', () => call(api.baseUrl, 'GET', '/api/articles')],
      ['GET article', () => call(api.baseUrl, 'GET', `/api/articles/${articleId}`)],
      ['GET tree', () => call(api.baseUrl, 'GET', `/api/articles/${articleId}/tree`)],
      ['GET node', () => call(api.baseUrl, 'GET', `/api/nodes/${sampleNode}`)],
      ['GET children', () => call(api.baseUrl, 'GET', `/api/nodes/${sampleNode}/children`)],
      ['GET me', () => call(api.baseUrl, 'GET', '/api/auth/me', { token: alice.token })],
      ['POST reply', () => post(alice, 'Written during the outage')],
      ['PUT vote', () => vote(bob, sampleNode, 5)],
      ['DELETE vote', () => call(api.baseUrl, 'DELETE', `/api/nodes/${sampleNode}/vote`, { token: bob.token })],
      ['POST login', () => call(api.baseUrl, 'POST', '/api/auth/login', { body: { username: alice.username, password: 'correct horse battery' } })],
      ['POST register', () => call(api.baseUrl, 'POST', '/api/auth/register', { body: { username: `outage_${Date.now().toString(36)}`, password: 'correct horse battery' } })],
    ];
    const health = () => call(api.baseUrl, 'GET', '/api/health');
    const slowest = new Map<string, number>();
    const expectRefusedInTime = (name: string, round: number, res: Answer, body: unknown) => {
      slowest.set(name, Math.max(slowest.get(name) ?? 0, res.ms));
      expect({ name, round, status: res.status, error: res.error, body: res.body }).toEqual({ name, round, status: 503, error: undefined, body });
      expect({ name, round, ms: res.ms < ANSWER_WITHIN_MS ? 'in time' : res.ms }).toEqual({ name, round, ms: 'in time' });
    };
    const refused = { statusCode: 503, error: 'Service Unavailable', code: 'DATABASE_UNAVAILABLE', message: expect.any(String) };
    // The first round goes out at once, with the first health check: before the driver has noticed anything.
    const outageEnds = Date.now() + OUTAGE_MS;
    for (let round = 0; round === 0 || Date.now() < outageEnds; round++) {
      const [checked, ...answers] = await Promise.all([health(), ...requests.map(([, send]) => send())]);
      expectRefusedInTime('GET health', round, checked, { status: 'error', db: 'down', redis: 'disabled' });
      answers.forEach((res, i) => expectRefusedInTime(requests[i][0], round, res, refused));
      await sleep(250);
    }
    console.log(`database outage: slowest answers (ms) ${JSON.stringify(Object.fromEntries(slowest))}`);
    // An anonymous write is refused before the database is needed at all.
    expect((await call(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/1/replies`, { body: { type: 'support', text: 'anonymous' } })).status).toBe(401);
    expect(api.child.exitCode).toBeNull();
    expect(api.child.signalCode).toBeNull();
  }, 60_000);

  it('serves again within 5 s of the database returning on the same port, and nothing acknowledged is lost', async () => {
    await startDatabase();
    const returned = Date.now();
    const servesWithin = (what: string, send: () => Promise<Answer>) =>
      eventually(async () => ((await send()).status === 200 ? Date.now() - returned : undefined), RECOVER_WITHIN_MS, what, 50);
    // In turn, each timed from the database's return: health first, then an anonymous read, an authenticated read and a write.
    const recovered = {
      health: await servesWithin('healthy again', () => call(api.baseUrl, 'GET', '/api/health', { timeoutMs: RECOVER_WITHIN_MS })),
      read: await servesWithin('reads again', () => call(api.baseUrl, 'GET', `/api/articles/${articleId}`, { timeoutMs: RECOVER_WITHIN_MS })),
      me: await servesWithin('knows its users again', () => call(api.baseUrl, 'GET', '/api/auth/me', { token: alice.token, timeoutMs: RECOVER_WITHIN_MS })),
      // The vote acknowledged before the outage, cast again: the stored votes stay as acknowledged.
      write: await servesWithin('writes again', () => vote(bob, sampleNode, acked.votes[0].value)),
    };
    console.log(`database outage: serving again (ms after the database returned) ${JSON.stringify(recovered)}`);
    expect(Object.values(recovered).every((ms) => ms < RECOVER_WITHIN_MS)).toBe(true);
    expect((await call(api.baseUrl, 'GET', '/api/health')).body).toEqual({ status: 'ok', db: 'up', redis: 'disabled' });
    expect(api.child.exitCode).toBeNull();

    // Tokens issued before the outage still work, and writes go through.
    const after = await post(bob, 'After the outage');
    expect(after.status).toBe(201);
    expect((await vote(alice, after.body.id, 4)).status).toBe(200);
    expect((await call(api.baseUrl, 'GET', '/api/auth/me', { token: alice.token })).status).toBe(200);
    expect((await registerAccount(api.baseUrl, 'carol')).username).toMatch(/^carol_/);

    const direct = await openDirect(uri);
    try {
      const nodes = await direct.db
        .collection('nodes')
        .find({ _id: { $in: acked.posts.map((p) => objectId(p.id)) } })
        .toArray();
      expect(new Map(nodes.map((n) => [String(n._id), n.text]))).toEqual(new Map(acked.posts.map((p) => [p.id, p.text])));
      const votes = await direct.db.collection('votes').find({ nodeId: { $in: acked.posts.map((p) => objectId(p.id)) } }).toArray();
      const stored = new Set(votes.map((v) => `${String(v.nodeId)}/${String(v.userId)}/${v.value}`));
      expect(acked.votes.filter((v) => !stored.has(`${v.nodeId}/${v.userId}/${v.value}`))).toEqual([]);
      // What was refused with 503 was not written either.
      expect(await direct.db.collection('nodes').countDocuments({ text: 'Written during the outage' })).toBe(0);
    } finally {
      await direct.close();
    }
    const tree = await call<{ items: ArgumentNode[] }>(api.baseUrl, 'GET', `/api/articles/${articleId}/tree`);
    const ids = new Set(tree.body.items.map((n) => n.id));
    expect(acked.posts.every((p) => ids.has(p.id))).toBe(true);
  }, 90_000);
});
