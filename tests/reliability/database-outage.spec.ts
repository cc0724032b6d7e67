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
 * gone every request that needs it is answered 503 in the one error shape within seconds (never a hang,
 * never a crash); afterwards the API reconnects by itself and nothing acknowledged before is missing.
 */
const ANSWER_WITHIN_MS = 10_000;

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

  it('answers 503 quickly, reports db down and stays up while the database is gone', async () => {
    // Killed, not stopped: a draining FerretDB would still answer on pooled connections for a moment.
    await db!.stop({ kill: true });
    db = null;
    expect(await portOpen(port)).toBe(false);
    const requests: [string, () => Promise<Answer>][] = [
      ['GET articles', () => call(api.baseUrl, 'GET', '/api/articles', { timeoutMs: 15_000 })],
      ['GET article', () => call(api.baseUrl, 'GET', `/api/articles/${articleId}`, { timeoutMs: 15_000 })],
      ['GET tree', () => call(api.baseUrl, 'GET', `/api/articles/${articleId}/tree`, { timeoutMs: 15_000 })],
      ['GET node', () => call(api.baseUrl, 'GET', `/api/nodes/${sampleNode}`, { timeoutMs: 15_000 })],
      ['GET children', () => call(api.baseUrl, 'GET', `/api/nodes/${sampleNode}/children`, { timeoutMs: 15_000 })],
      ['GET me', () => call(api.baseUrl, 'GET', '/api/auth/me', { token: alice.token, timeoutMs: 15_000 })],
      ['POST reply', () => post(alice, 'Written during the outage')],
      ['PUT vote', () => vote(bob, sampleNode, 5)],
      ['DELETE vote', () => call(api.baseUrl, 'DELETE', `/api/nodes/${sampleNode}/vote`, { token: bob.token, timeoutMs: 15_000 })],
      ['POST login', () => call(api.baseUrl, 'POST', '/api/auth/login', { body: { username: alice.username, password: 'correct horse battery' }, timeoutMs: 15_000 })],
      ['POST register', () => call(api.baseUrl, 'POST', '/api/auth/register', { body: { username: `outage_${Date.now().toString(36)}`, password: 'correct horse battery' }, timeoutMs: 15_000 })],
    ];
    // Twice: straight after the database went, and again once the driver has given up on it.
    for (const round of [0, 1]) {
      const answers = await Promise.all(requests.map(async ([name, send]) => ({ name, res: await send() })));
      for (const { name, res } of answers) {
        expect({ name, round, status: res.status, error: res.error }).toEqual({ name, round, status: 503, error: undefined });
        expect({ name, round, ms: res.ms < ANSWER_WITHIN_MS ? 'in time' : res.ms }).toEqual({ name, round, ms: 'in time' });
        expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'DATABASE_UNAVAILABLE', message: expect.any(String) });
      }
      const health = await call(api.baseUrl, 'GET', '/api/health', { timeoutMs: 15_000 });
      expect(health).toMatchObject({ status: 503, body: { status: 'error', db: 'down' } });
      expect(health.ms).toBeLessThan(ANSWER_WITHIN_MS);
      if (round === 0) await sleep(6_000);
    }
    // An anonymous write is refused before the database is needed at all.
    expect((await call(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/1/replies`, { body: { type: 'support', text: 'anonymous' } })).status).toBe(401);
    expect(api.child.exitCode).toBeNull();
    expect(api.child.signalCode).toBeNull();
  }, 90_000);

  it('recovers by itself when the database returns on the same port, and nothing acknowledged is lost', async () => {
    await startDatabase();
    const started = Date.now();
    await eventually(async () => ((await call(api.baseUrl, 'GET', '/api/health', { timeoutMs: 10_000 })).status === 200 ? true : undefined), 30_000, 'healthy again');
    console.log(`database outage: healthy ${Date.now() - started} ms after the database returned`);
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
