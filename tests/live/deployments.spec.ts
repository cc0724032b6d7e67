import type { ArgumentNode, AuthResponse } from '@agora/shared';
import Redis from 'ioredis';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { json, startApiProcess, type ApiProcess } from '../support/api-process';

const REDIS_URL = 'redis://127.0.0.1:6379';
const databaseOf = (uri: string): string => new URL(uri).pathname.slice(1);

/**
 * Two deployments (each its own database) with one Redis between them, as staging beside production
 * or parallel test runs: neither may use up the other's rate limits or hear the other's live events.
 */
describe('deployments sharing one Redis', () => {
  let first: ApiProcess, second: ApiProcess;
  // Two registrations an hour per address: the third is refused.
  const firstEnv = { MONGODB_URI: freshDatabaseUri(), REDIS_URL, WRITE_RATE_LIMIT: '2' };
  const secondEnv = { MONGODB_URI: freshDatabaseUri(), REDIS_URL, WRITE_RATE_LIMIT: '2' };
  const stamp = Date.now().toString(36);
  const register = (api: ApiProcess, name: string) => json<AuthResponse>(api.baseUrl, 'POST', '/api/auth/register', { username: `${name}_${stamp}`, password: 'correct horse battery' });

  beforeAll(async () => {
    [first, second] = await Promise.all([startApiProcess(firstEnv), startApiProcess(secondEnv)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it("keeps each deployment's rate limits and live channels its own", async () => {
    const allowed = [await register(first, 'dep_a1'), await register(first, 'dep_a2')];
    expect(allowed.map((r) => r.status)).toEqual([201, 201]);
    expect((await register(first, 'dep_a3')).status).toBe(429);
    // The same address, the same route, another deployment: its own count.
    expect((await register(second, 'dep_b1')).status).toBe(201);

    const listener = new Redis(REDIS_URL);
    const heard: string[] = [];
    try {
      const articleId = (await json<{ items: { id: string }[] }>(first.baseUrl, 'GET', '/api/articles')).body.items[0].id;
      const reply = await json<ArgumentNode>(first.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/0/replies`, { type: 'support', text: 'heard only at home' }, allowed[0].body.token);
      expect(reply.status).toBe(201);
      await listener.psubscribe('*#/live#*');
      listener.on('pmessage', (_pattern, channel: string, text: string) => {
        if (text.includes(reply.body.id)) heard.push(channel);
      });
      expect((await json(first.baseUrl, 'PUT', `/api/nodes/${reply.body.id}/vote`, { value: 5 }, allowed[1].body.token)).status).toBe(200);
      const deadline = Date.now() + 5000;
      while (!heard.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      expect(heard.length).toBeGreaterThan(0);
      expect(heard.every((channel) => channel.startsWith(`agora:socket.io:${databaseOf(firstEnv.MONGODB_URI)}`))).toBe(true);
    } finally {
      listener.disconnect();
    }
  });
});
