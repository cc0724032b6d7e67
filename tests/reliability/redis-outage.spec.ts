import type { ArgumentNode, VoteResponse } from '@agora/shared';
import { spawn, type ChildProcess } from 'node:child_process';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { freePort, startApiProcess, type ApiProcess } from '../support/api-process';
import { registerAccount, type Account } from './support/accounts';
import { call, eventually, sleep } from './support/http-call';

/**
 * Redis (REDIS_URL set) goes away under a running API and comes back. Writes take their locks in
 * Redis, so meanwhile they are refused with 503 and health says so (a load balancer then sends
 * requests elsewhere); reads go on; afterwards the API reconnects by itself.
 */
describe('Redis outage', () => {
  let port: number;
  let redis: ChildProcess | null = null;
  let api: ApiProcess;
  let alice: Account, bob: Account;
  let reply: ArgumentNode;
  let articleId: string;

  const startRedis = async (): Promise<void> => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await eventually(async () => ((await fetchPing()) ? true : undefined), 10_000, 'redis-server to listen');
  };
  const fetchPing = (): Promise<boolean> =>
    new Promise((resolve) => {
      const ping = spawn('redis-cli', ['-p', String(port), 'ping']);
      let out = '';
      ping.stdout.on('data', (d: Buffer) => (out += d.toString()));
      ping.once('exit', () => resolve(out.trim() === 'PONG'));
    });

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    api = await startApiProcess({ MONGODB_URI: freshDatabaseUri(), REDIS_URL: `redis://127.0.0.1:${port}` });
    await registerAccount(api.baseUrl, 'admin');
    alice = await registerAccount(api.baseUrl, 'alice');
    bob = await registerAccount(api.baseUrl, 'bob');
    articleId = (await call<{ items: { id: string }[] }>(api.baseUrl, 'GET', '/api/articles')).body.items[0].id;
    const posted = await call<ArgumentNode>(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/1/replies`, { body: { type: 'support', text: 'Before the outage.' }, token: alice.token });
    expect(posted.status).toBe(201);
    reply = posted.body;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    redis?.kill('SIGKILL');
  });

  it('refuses writes with 503 and reports itself unhealthy while Redis is gone, then recovers by itself', async () => {
    expect(await call(api.baseUrl, 'GET', '/api/health')).toMatchObject({ status: 200, body: { status: 'ok', db: 'up', redis: 'up' } });

    redis!.kill('SIGKILL');
    await sleep(200);
    const health = await eventually(async () => {
      const answer = await call(api.baseUrl, 'GET', '/api/health', { timeoutMs: 10_000 });
      return answer.status === 503 ? answer : undefined;
    }, 15_000, 'health to say 503');
    expect(health.body).toEqual({ status: 'error', db: 'up', redis: 'down' });

    const started = Date.now();
    const vote = await call<VoteResponse>(api.baseUrl, 'PUT', `/api/nodes/${reply.id}/vote`, { body: { value: 4 }, token: bob.token, timeoutMs: 30_000 });
    expect(vote.status).toBe(503);
    expect(vote.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(15_000);
    // Reads need no lock.
    expect((await call(api.baseUrl, 'GET', `/api/nodes/${reply.id}`)).status).toBe(200);

    await startRedis();
    await eventually(async () => ((await call(api.baseUrl, 'GET', '/api/health')).status === 200 ? true : undefined), 30_000, 'healthy again');
    const again = await call<VoteResponse>(api.baseUrl, 'PUT', `/api/nodes/${reply.id}/vote`, { body: { value: 4 }, token: bob.token });
    expect(again.status).toBe(200);
    expect(again.body.votes).toMatchObject({ count: 1, sum: 4 });
    const stored = await call<ArgumentNode>(api.baseUrl, 'GET', `/api/nodes/${reply.id}`);
    expect(stored.body).toMatchObject({ text: 'Before the outage.', votes: { count: 1, sum: 4 } });
  }, 120_000);
});
