import type { ArgumentNode, ArticleDetail, VoteResponse } from '@agora/shared';
import Redis from 'ioredis';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { registerAccount, type Account } from './support/accounts';
import { derivedMismatches } from './support/derived-figures';
import { objectId, openDirect, type DirectDb } from './support/direct-db';
import { call, eventually } from './support/http-call';

/**
 * A vote or a reply moves derived figures (vote totals, a parent's children and reply counts, strength
 * up to the root, the article's reply count) by several writes in a row, holding a mark in Redis while
 * it works. An instance that dies half-way leaves the figures wrong and its mark behind. Here that state
 * is made by hand (figures spoiled, mark set) and the API must find the mark and recompute from the
 * votes and children themselves: at the next write on the same node, or by a sweep if none comes.
 */
describe('work cut short half-way is repaired', () => {
  let api: ApiProcess;
  let direct: DirectDb;
  let redis: Redis;
  let articleId: string;
  let claims: string[];
  let admin: Account, alice: Account, bob: Account, carol: Account;
  let reply: ArgumentNode;
  let marks: { votes: string; children: string };

  beforeAll(async () => {
    const mongoUri = freshDatabaseUri();
    const database = new URL(mongoUri).pathname.slice(1);
    marks = { votes: `agora:unfinished:${database}:votes`, children: `agora:unfinished:${database}:children` };
    api = await startApiProcess({ MONGODB_URI: mongoUri, REDIS_URL: 'redis://127.0.0.1:6379', REPAIR_SWEEP_MS: '300' });
    direct = await openDirect(mongoUri);
    redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
    admin = await registerAccount(api.baseUrl, 'admin');
    [alice, bob, carol] = [await registerAccount(api.baseUrl, 'alice'), await registerAccount(api.baseUrl, 'bob'), await registerAccount(api.baseUrl, 'carol')];
    articleId = (await call<{ items: { id: string }[] }>(api.baseUrl, 'GET', '/api/articles')).body.items[0].id;
    claims = (await call<ArticleDetail>(api.baseUrl, 'GET', `/api/articles/${articleId}`)).body.paragraphs.map((p) => p.nodeId!);
    reply = (await call<ArgumentNode>(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/0/replies`, { body: { type: 'rebuttal', text: 'Not so.' }, token: alice.token })).body;
    expect((await call(api.baseUrl, 'PUT', `/api/nodes/${reply.id}/vote`, { body: { value: 4 }, token: bob.token })).status).toBe(200);
    expect(await derivedMismatches(direct.db, articleId)).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await redis?.del(marks.votes, marks.children);
    redis?.disconnect();
    await direct?.close();
    await api?.stop();
  });

  const spoil = (id: string, fields: Record<string, unknown>) => direct.db.collection('nodes').updateOne({ _id: objectId(id) }, { $set: fields });
  const wrongTotals = { count: 9, sum: 41, histogram: { '1': 0, '2': 0, '3': 0, '4': 4, '5': 5 } };

  it('recounts the totals from the votes when a vote finds the mark of one cut short', async () => {
    await spoil(reply.id, { votes: wrongTotals, strength: 0.99 });
    await redis.zadd(marks.votes, Date.now(), reply.id);
    const vote = await call<VoteResponse>(api.baseUrl, 'PUT', `/api/nodes/${reply.id}/vote`, { body: { value: 2 }, token: carol.token });
    expect(vote.status).toBe(200);
    expect(vote.body.votes).toMatchObject({ count: 2, sum: 6 });
    expect(await derivedMismatches(direct.db, articleId)).toEqual([]);
    expect(await redis.zscore(marks.votes, reply.id)).toBeNull();
  });

  it("rebuilds a parent's children, reply counts and the strengths above it when a reply finds its mark", async () => {
    await spoil(claims[0], { children: {}, replyCounts: { support: 0, rebuttal: 7 }, strength: 0.01 });
    await direct.db.collection('articles').updateOne({ _id: objectId(articleId) }, { $set: { replyCount: 99 } });
    await redis.zadd(marks.children, Date.now(), claims[0]);
    const res = await call<ArgumentNode>(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/0/replies`, { body: { type: 'support', text: 'Indeed.' }, token: bob.token });
    expect(res.status).toBe(201);
    expect(await derivedMismatches(direct.db, articleId)).toEqual([]);
    expect(await redis.zscore(marks.children, claims[0])).toBeNull();
    // Spoiled as a nested map (the shape of nodes stored before packing), rebuilt and stored packed.
    const stored = (await direct.db.collection('nodes').findOne({ _id: objectId(claims[0]) }))?.children;
    expect(typeof stored).toBe('string');
    expect(Object.keys(JSON.parse(stored as string))).toContain(res.body.id);
  });

  it('repairs marks left long ago by a sweep when no write comes', async () => {
    await spoil(claims[1], { children: {}, strength: 0.02 });
    await spoil(reply.id, { votes: wrongTotals });
    await redis.zadd(marks.children, 1, claims[1]);
    await redis.zadd(marks.votes, 1, reply.id);
    expect((await derivedMismatches(direct.db, articleId)).length).toBeGreaterThan(0);
    await eventually(async () => ((await derivedMismatches(direct.db, articleId)).length === 0 ? true : undefined), 10_000, 'a sweep to repair both');
    expect(await redis.zscore(marks.children, claims[1])).toBeNull();
    expect(await redis.zscore(marks.votes, reply.id)).toBeNull();
  });

  it("leaves the parent's figures exact and no mark behind when a moderator hides or restores a reply", async () => {
    const hidden = (await call<ArgumentNode>(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/4/replies`, { body: { type: 'support', text: 'To be hidden.' }, token: carol.token })).body;
    for (const action of ['hide', 'restore']) {
      const res = await call(api.baseUrl, 'POST', `/api/moderation/nodes/${hidden.id}`, { body: { action, reason: 'check' }, token: admin.token });
      expect(res.status).toBe(200);
      expect(await redis.zscore(marks.children, claims[4])).toBeNull();
      expect(await derivedMismatches(direct.db, articleId)).toEqual([]);
    }
  });

  it('leaves figures alone when there is no mark: the fast path trusts what is stored', async () => {
    await spoil(claims[2], { replyCounts: { support: 3, rebuttal: 0 } });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await derivedMismatches(direct.db, articleId)).toEqual([`${claims[2]} replyCounts {"support":3,"rebuttal":0} but it has {"support":0,"rebuttal":0}`]);
    await spoil(claims[2], { replyCounts: { support: 0, rebuttal: 0 } });
  });
});

describe('a single instance without Redis, restarted after a crash', () => {
  let api: ApiProcess | undefined;
  let direct: DirectDb;

  afterAll(async () => {
    await direct?.close();
    await api?.stop();
  });

  it('audits every derived figure at start and repairs those the crash left wrong', async () => {
    const mongoUri = freshDatabaseUri();
    api = await startApiProcess({ MONGODB_URI: mongoUri });
    direct = await openDirect(mongoUri);
    await registerAccount(api.baseUrl, 'admin');
    const [ann, ben] = [await registerAccount(api.baseUrl, 'ann'), await registerAccount(api.baseUrl, 'ben')];
    const articleId = (await call<{ items: { id: string }[] }>(api.baseUrl, 'GET', '/api/articles')).body.items[0].id;
    const claims = (await call<ArticleDetail>(api.baseUrl, 'GET', `/api/articles/${articleId}`)).body.paragraphs.map((p) => p.nodeId!);
    const reply = (await call<ArgumentNode>(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/3/replies`, { body: { type: 'support', text: 'Yes.' }, token: ann.token })).body;
    expect((await call(api.baseUrl, 'PUT', `/api/nodes/${reply.id}/vote`, { body: { value: 5 }, token: ben.token })).status).toBe(200);
    await api.stop('SIGKILL');
    api = undefined;
    // What a process killed half-way through a vote and a reply can leave behind.
    const nodes = direct.db.collection('nodes');
    await nodes.updateOne({ _id: objectId(reply.id) }, { $set: { votes: { count: 2, sum: 9, histogram: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 } } } });
    await nodes.updateOne({ _id: objectId(claims[3]) }, { $set: { children: {}, replyCounts: { support: 0, rebuttal: 0 } } });
    await direct.db.collection('articles').updateOne({ _id: objectId(articleId) }, { $set: { replyCount: 0 } });
    expect((await derivedMismatches(direct.db, articleId)).length).toBeGreaterThanOrEqual(3);
    api = await startApiProcess({ MONGODB_URI: mongoUri });
    const repaired = await eventually(async () => ((await derivedMismatches(direct.db, articleId)).length === 0 ? true : undefined), 30_000, 'the start-up audit to repair').catch(() => false);
    expect(repaired ? [] : await derivedMismatches(direct.db, articleId)).toEqual([]);
  }, 120_000);
});
