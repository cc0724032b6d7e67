import type { ArgumentNode, AuthResponse } from '@agora/shared';
import Redis from 'ioredis';
import { connectLive, isStrictlyIncreasing, type LiveClient } from '../../apps/api/test/support/live-client';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { json, promoteAdmin, startApiProcess, type ApiProcess } from '../support/api-process';

/**
 * Two API processes share one database and Redis; a socket on each must receive every event caused
 * through either, exactly once, in seq order, and a reconnecting socket must catch up.
 */
describe('live updates across two API instances', () => {
  let one: ApiProcess, two: ApiProcess;
  let articleId: string;
  let admin: AuthResponse, ann: AuthResponse, ben: AuthResponse;
  const env = { MONGODB_URI: freshDatabaseUri(), REDIS_URL: 'redis://127.0.0.1:6379', LIVE_COALESCE_MS: '30' };
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    one = await startApiProcess(env);
    two = await startApiProcess(env);
    const register = async (name: string) => (await json<AuthResponse>(one.baseUrl, 'POST', '/api/auth/register', { username: `${name}_${Date.now().toString(36)}`, password: 'correct horse battery' })).body;
    const candidate = await register('admin');
    await promoteAdmin(env.MONGODB_URI, candidate.user.username);
    admin = (await json<AuthResponse>(two.baseUrl, 'POST', '/api/auth/login', { username: candidate.user.username, password: 'correct horse battery' })).body;
    expect(admin.user.role).toBe('admin');
    ann = await register('ann');
    ben = await register('ben');
    articleId = (await json<{ items: { id: string }[] }>(two.baseUrl, 'GET', '/api/articles')).body.items[0].id;
  }, 120_000);

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await Promise.all([one?.stop(), two?.stop()]);
  });

  it('delivers every event caused on either instance to sockets on both, once and in order', async () => {
    const onOne = await connectLive(one.baseUrl);
    const onTwo = await connectLive(two.baseUrl, ben.token);
    clients.push(onOne, onTwo);
    const [ackOne, ackTwo] = [await onOne.join(articleId), await onTwo.join(articleId)];
    expect(ackOne).toMatchObject({ ok: true });
    expect(ackTwo).toMatchObject({ ok: true, viewers: 2 });

    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const via = i % 2 ? one : two;
      const res = await json<ArgumentNode>(via.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/${i}/replies`, { type: 'support', text: `cross-instance ${i}` }, ann.token);
      expect(res.status).toBe(201);
      ids.push(res.body.id);
      const vote = await json(i % 2 ? two.baseUrl : one.baseUrl, 'PUT', `/api/nodes/${res.body.id}/vote`, { value: 4 }, ben.token);
      expect(vote.status).toBe(200);
    }
    for (const c of [onOne, onTwo]) {
      for (const id of ids) {
        await c.waitFor((e) => e.name === 'node:created' && (e.payload.node as ArgumentNode).id === id);
        await c.waitFor((e) => e.name === 'vote:changed' && e.payload.nodeId === id);
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const c of [onOne, onTwo]) {
      const seqs = c.seqs();
      expect(isStrictlyIncreasing(seqs)).toBe(true);
      const created = c.events.filter((e) => e.name === 'node:created').map((e) => (e.payload.node as ArgumentNode).id);
      expect(created).toEqual(ids);
    }
    // Both sockets saw the same sequence of events.
    expect(onOne.seqs()).toEqual(onTwo.seqs());
  });

  it('replays to a socket that reconnects to the other instance', async () => {
    const reader = await connectLive(one.baseUrl);
    clients.push(reader);
    const { seq } = (await reader.join(articleId)) as { seq: number };
    reader.close();
    const missed = await json<ArgumentNode>(one.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/7/replies`, { type: 'rebuttal', text: 'while you were away' }, ann.token);
    const back = await connectLive(two.baseUrl);
    clients.push(back);
    expect(await back.join(articleId, seq)).toMatchObject({ ok: true });
    await back.waitFor((e) => e.name === 'node:created' && (e.payload.node as ArgumentNode).id === missed.body.id);
    expect(back.seqs()[0]).toBe(seq + 1);
  });

  it("stops sending moderator-only text to a socket on the other instance once its moderator is banned", async () => {
    const mod = await json<AuthResponse>(one.baseUrl, 'POST', '/api/auth/register', { username: `mod_${Date.now().toString(36)}`, password: 'correct horse battery' });
    expect((await json(one.baseUrl, 'POST', `/api/admin/users/${mod.body.user.id}/role`, { role: 'moderator' }, admin.token)).status).toBe(200);
    const socket = await connectLive(two.baseUrl, mod.body.token);
    clients.push(socket);
    await socket.join(articleId);
    const hideNew = async (text: string) => {
      const node = (await json<ArgumentNode>(one.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/3/replies`, { type: 'rebuttal', text }, ann.token)).body;
      expect((await json(one.baseUrl, 'POST', `/api/moderation/nodes/${node.id}`, { action: 'hide', reason: 'test' }, admin.token)).status).toBe(200);
      const update = await socket.waitFor((e) => e.name === 'node:updated' && (e.payload.node as ArgumentNode).id === node.id && (e.payload.node as ArgumentNode).status === 'hidden');
      return (update.payload.node as ArgumentNode).text;
    };
    expect(await hideNew('seen by a moderator in good standing')).toBe('seen by a moderator in good standing');
    expect((await json(one.baseUrl, 'POST', `/api/moderation/users/${mod.body.user.id}/ban`, { reason: 'leaks' }, admin.token)).status).toBe(200);
    expect(await hideNew('not for a banned moderator')).toBe('');
    // Logging out through one instance closes the account's socket on the other.
    const closed = new Promise((resolve) => socket.socket.once('disconnect', resolve));
    expect((await json(one.baseUrl, 'POST', '/api/auth/logout', undefined, mod.body.token)).status).toBe(204);
    await expect(closed).resolves.toBe('io server disconnect');
  });

  // Each instance caches account standing and locks (ModeratedFacts): a change made through one must
  // hold on the other's very next request, even though that instance has just used the cached fact.
  it("a moderator's lock or suspension on one instance holds on the next request to the other", async () => {
    const reply = async (via: ApiProcess, paragraph: number, token: string) =>
      json<ArgumentNode>(via.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/${paragraph}/replies`, { type: 'support', text: `cached rules ${paragraph}` }, token);
    const vote = (via: ApiProcess, nodeId: string, value: number) => json(via.baseUrl, 'PUT', `/api/nodes/${nodeId}/vote`, { value }, ben.token);
    const moderate = (path: string, body: unknown) => json(one.baseUrl, 'POST', `/api/moderation/${path}`, body, admin.token);

    const target = (await reply(two, 8, ann.token)).body;
    expect((await vote(two, target.id, 3)).status).toBe(200);

    expect((await moderate(`articles/${articleId}/lock`, { locked: true })).status).toBe(200);
    expect((await vote(two, target.id, 4)).status).toBe(423);
    expect((await moderate(`articles/${articleId}/lock`, { locked: false })).status).toBe(200);
    expect((await vote(two, target.id, 4)).status).toBe(200);

    // A lock on the paragraph's claim closes the thread beneath it.
    expect((await moderate(`nodes/${target.parentId}/lock`, { locked: true })).status).toBe(200);
    expect((await vote(two, target.id, 5)).status).toBe(423);
    expect((await moderate(`nodes/${target.parentId}/lock`, { locked: false })).status).toBe(200);
    expect((await vote(two, target.id, 5)).status).toBe(200);

    expect((await reply(two, 9, ann.token)).status).toBe(201);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await moderate(`users/${ann.user.id}/suspend`, { until, reason: 'cooling off' })).status).toBe(200);
    const refused = await reply(two, 9, ann.token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'SUSPENDED' });
  });

  // Every message between instances wakes each of them: a window's votes travel together.
  it("sends a coalescing window's votes to the other instances in one message", async () => {
    const votes: ArgumentNode[] = [];
    for (let paragraph = 10; paragraph < 14; paragraph++) {
      const posted = await json<ArgumentNode>(two.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/${paragraph}/replies`, { type: 'support', text: `one window ${paragraph}` }, admin.token);
      expect(posted.status).toBe(201);
      votes.push(posted.body);
    }
    // A third instance whose window is long enough that these votes surely fall into one.
    const third = await startApiProcess({ ...env, LIVE_COALESCE_MS: '400' });
    const listener = new Redis('redis://127.0.0.1:6379');
    const messages: { name: string; payload: { nodeId?: string } }[][] = [];
    try {
      await listener.subscribe(`agora:socket.io:${new URL(env.MONGODB_URI).pathname.slice(1)}-request#/live#`);
      listener.on('message', (_channel, text: string) => {
        const { data } = JSON.parse(text) as { data?: [string, unknown] };
        if (data?.[0] === 'agora:live-event') messages.push(data[1] as (typeof messages)[number]);
      });
      const cast = await Promise.all(votes.map((node) => json(third.baseUrl, 'PUT', `/api/nodes/${node.id}/vote`, { value: 2 }, ben.token)));
      expect(cast.map((r) => r.status)).toEqual(votes.map(() => 200));
      const deadline = Date.now() + 5000;
      while (messages.flat().filter((e) => e.name === 'vote:changed').length < votes.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const carrying = messages.filter((m) => m.some((e) => e.name === 'vote:changed'));
      expect(carrying).toHaveLength(1);
      expect(carrying[0].map((e) => e.payload.nodeId).sort()).toEqual(votes.map((n) => n.id).sort());
    } finally {
      listener.disconnect();
      await third.stop();
    }
  });
});
