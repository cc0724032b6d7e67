import type { ArgumentNode, ArticleDetail, AuthResponse, StoredLiveEvent } from '@agora/shared';
import mongoose from 'mongoose';
import type { LiveLogRepository } from '../src/modules/live/live-log.repository';
import { LiveService } from '../src/modules/live/live.service';
import { connectLive, isStrictlyIncreasing, type LiveClient } from './support/live-client';
import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

describe('live updates (e2e, one instance)', () => {
  let t: TestApp;
  let ann: AuthResponse, ben: AuthResponse;
  let article: ArticleDetail;
  const clients: LiveClient[] = [];
  const client = async (token?: string) => {
    const c = await connectLive(t.baseUrl, token);
    clients.push(c);
    return c;
  };
  const post = (token: string, index: number, text: string) =>
    t.http().post(`/api/articles/${article.id}/paragraphs/${index}/replies`).set(...bearer(token)).send({ type: 'rebuttal', text });

  beforeAll(async () => {
    // Votes on one node take turns under its lock (tens of ms each here), so the window that gathers a
    // burst of five into fewer events must be longer than one vote.
    t = await startTestApp({ LIVE_EVENT_RETENTION: '10', LIVE_COALESCE_MS: '150' });
    await registerUser(t, 'admin');
    ann = await registerUser(t, 'ann');
    ben = await registerUser(t, 'ben');
    const id = (await t.http().get('/api/articles')).body.items[0].id;
    article = (await t.http().get(`/api/articles/${id}`)).body;
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t.close();
  });

  it('acknowledges a join with the latest seq and the viewer count, and refuses bad joins', async () => {
    const a = await client();
    const ack = await a.join(article.id);
    expect(ack).toMatchObject({ ok: true, seq: expect.any(Number), viewers: 1 });
    expect(await a.join('not-an-id')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await a.join('0123456789abcdef01234567')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const b = await client();
    expect((await b.join(article.id)).ok && (await b.join(article.id))).toMatchObject({ viewers: 2 });
    await a.waitFor((e) => e.name === 'presence' && e.payload.viewers === 2);
    await b.socket.timeout(5000).emitWithAck('leave', { articleId: article.id });
    await a.waitFor((e) => e.name === 'presence' && e.payload.viewers === 1);
  });

  it('sends node:created and vote:changed (coalesced) with the strengths they move, and node:updated, in seq order', async () => {
    const reader = await client();
    await reader.join(article.id);
    const node = (await post(ann.token, 4, 'A live rebuttal')).body as ArgumentNode;
    const created = await reader.waitFor((e) => e.name === 'node:created');
    expect(created.payload).toMatchObject({ articleId: article.id, node: { id: node.id, text: 'A live rebuttal', type: 'rebuttal' } });
    // The new rebuttal, its claim and the thesis: their strengths as the tree now gives them.
    const moved = created.payload.strengths as { nodeId: string; strength: number; rated: boolean }[];
    expect(moved[0].rated).toBe(false);
    expect(moved.map((s) => s.nodeId)).toEqual([node.id, article.paragraphs[4].nodeId, article.rootNodeId]);
    const claim = (await t.http().get(`/api/nodes/${article.paragraphs[4].nodeId}`).expect(200)).body as ArgumentNode;
    expect(moved[1].strength).toBe(claim.strength);
    // Five quick votes by five users go out as one vote:changed with the final figures.
    const voters = await Promise.all([0, 1, 2, 3, 4].map((i) => registerUser(t, `burst${i}`)));
    await Promise.all(voters.map((v) => t.http().put(`/api/nodes/${node.id}/vote`).set(...bearer(v.token)).send({ value: 5 }).expect(200)));
    const vote = await reader.waitFor((e) => e.name === 'vote:changed' && (e.payload.votes as { count: number }).count === 5);
    expect(vote.payload).toMatchObject({ nodeId: node.id, votes: { count: 5, sum: 25 }, votesVersion: 5, strength: expect.any(Number), rated: true });
    expect((vote.payload.strengths as { rated: boolean }[]).every((s) => s.rated)).toBe(true);
    expect((vote.payload.strengths as { nodeId: string }[]).map((s) => s.nodeId)).toEqual([node.id, article.paragraphs[4].nodeId, article.rootNodeId]);
    await new Promise((r) => setTimeout(r, 300));
    expect(reader.events.filter((e) => e.name === 'vote:changed').length).toBeLessThan(5);
    await t.http().patch(`/api/nodes/${node.id}`).set(...bearer(ann.token)).send({ text: 'An edited rebuttal' }).expect(200);
    await reader.waitFor((e) => e.name === 'node:updated' && (e.payload.node as ArgumentNode).text === 'An edited rebuttal');
    await t.http().delete(`/api/nodes/${node.id}`).set(...bearer(ann.token)).expect(200);
    await reader.waitFor((e) => e.name === 'node:updated' && (e.payload.node as ArgumentNode).withdrawn === true);
    expect(isStrictlyIncreasing(reader.seqs())).toBe(true);
    expect(reader.events.every((e) => e.payload.articleId === article.id)).toBe(true);
  });

  it('replays what a reconnecting reader missed, in order, before live events', async () => {
    const first = await client();
    const { seq } = (await first.join(article.id)) as { seq: number };
    first.close();
    const missed: string[] = [];
    for (const text of ['missed one', 'missed two', 'missed three']) missed.push(((await post(ben.token, 5, text)).body as ArgumentNode).id);
    const again = await client();
    const ack = await again.join(article.id, seq);
    expect(ack).toMatchObject({ ok: true });
    expect('resync' in ack && ack.resync).toBeFalsy();
    await again.waitFor((e) => e.name === 'node:created' && (e.payload.node as ArgumentNode).id === missed[2]);
    const created = again.events.filter((e) => e.name === 'node:created').map((e) => (e.payload.node as ArgumentNode).id);
    expect(created).toEqual(missed);
    expect(again.seqs()[0]).toBe(seq + 1);
    expect(isStrictlyIncreasing(again.seqs())).toBe(true);
    const live = (await post(ben.token, 5, 'after the replay')).body as ArgumentNode;
    await again.waitFor((e) => e.name === 'node:created' && (e.payload.node as ArgumentNode).id === live.id);
  });

  /**
   * Runs `work` with the app's event-log writes wrapped, as a slow or failing database would behave
   * (without Redis, delivered events are stored in pages by append).
   */
  const withLogWrites = async (app: TestApp, wrap: (append: LiveLogRepository['append']) => LiveLogRepository['append'], work: () => Promise<void>) => {
    const log = app.app.get(LiveService).log;
    const append = log.append.bind(log);
    log.append = wrap(append);
    try {
      await work();
    } finally {
      log.append = append;
    }
  };

  /** The seq a reader leaves the article at, and a reader who stays. */
  const leaveAndWatch = async (baseUrl: string, articleId: string) => {
    const away = await connectLive(baseUrl);
    const watcher = await connectLive(baseUrl);
    clients.push(away, watcher);
    const { seq } = (await away.join(articleId)) as { seq: number };
    away.close();
    await watcher.join(articleId);
    return { seq, watcher };
  };

  it('delivers an event before its log write, and a reader replaying from the log meanwhile gets it or is told to reload', async () => {
    // Replays from the log only (none from memory), to see the log and the live stream meet.
    const u = await startTestApp({ LIVE_REPLAY_MEMORY: '0' });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    try {
      await registerUser(u, 'admin');
      const writer = await registerUser(u, 'writer');
      const articleId = (await u.http().get('/api/articles')).body.items[0].id as string;
      await withLogWrites(
        u,
        (append) => async (...args) => {
          await held;
          return append(...args);
        },
        async () => {
          const { watcher } = await leaveAndWatch(u.baseUrl, articleId);
          const posting = u.http().post(`/api/articles/${articleId}/paragraphs/7/replies`).set(...bearer(writer.token)).send({ type: 'rebuttal', text: 'delivered first' }).then((res) => res); // supertest sends once asked for a result
          const first = await watcher.waitFor((e) => e.name === 'node:created' && (e.payload.node as ArgumentNode).text === 'delivered first');
          const seq = (first.payload.seq as number) - 1;
          // Nothing is in the log yet: a reader coming back now is told to reload rather than miss it.
          const early = await connectLive(u.baseUrl);
          clients.push(early);
          expect(await early.join(articleId, seq)).toMatchObject({ ok: true, resync: true });
          release();
          expect((await posting).status).toBe(201);
          // Once stored, a reader coming back replays it from the log.
          const back = await connectLive(u.baseUrl);
          clients.push(back);
          // The page is written a moment after the reply's answer: wait until it is there.
          const log = u.app.get(LiveService).log;
          for (let i = 0; i < 100 && (await log.after(articleId, seq)).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
          const backAck = await back.join(articleId, seq);
          expect(backAck).toMatchObject({ ok: true });
          expect(backAck.ok && backAck.resync).toBeFalsy();
          await back.waitFor((e) => e.name === 'node:created' && (e.payload.node as ArgumentNode).text === 'delivered first');
          expect(back.seqs()[0]).toBe(seq + 1);
        },
      );
    } finally {
      release();
      await u.close();
    }
  });

  it('replays from the log with the strengths the tree gives now, which the log does not keep', async () => {
    const u = await startTestApp({ LIVE_REPLAY_MEMORY: '0', LIVE_COALESCE_MS: '10' });
    try {
      await registerUser(u, 'admin');
      const writer = await registerUser(u, 'writer');
      const voter = await registerUser(u, 'voter');
      const detail = (await u.http().get(`/api/articles/${(await u.http().get('/api/articles')).body.items[0].id}`)).body as ArticleDetail;
      const { seq } = await leaveAndWatch(u.baseUrl, detail.id);
      const reply = (await u.http().post(`/api/articles/${detail.id}/paragraphs/3/replies`).set(...bearer(writer.token)).send({ type: 'support', text: 'logged only' }).expect(201)).body as ArgumentNode;
      await u.http().put(`/api/nodes/${reply.id}/vote`).set(...bearer(voter.token)).send({ value: 5 }).expect(200);
      const log = u.app.get(LiveService).log;
      for (let i = 0; i < 100 && (await log.after(detail.id, seq)).length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      const back = await connectLive(u.baseUrl);
      clients.push(back);
      expect(await back.join(detail.id, seq)).toMatchObject({ ok: true });
      const vote = await back.waitFor((e) => e.name === 'vote:changed');
      const root = (await u.http().get(`/api/nodes/${detail.rootNodeId}`).expect(200)).body as ArgumentNode;
      const claim = (await u.http().get(`/api/nodes/${detail.paragraphs[3].nodeId}`).expect(200)).body as ArgumentNode;
      expect(vote.payload.strengths).toEqual([
        { nodeId: reply.id, strength: expect.any(Number), rated: true },
        { nodeId: claim.id, strength: claim.strength, rated: true },
        { nodeId: root.id, strength: root.strength, rated: true },
      ]);
      const created = back.events.find((e) => e.name === 'node:created')!;
      expect((created.payload.strengths as { nodeId: string }[]).map((s) => s.nodeId)).toEqual([reply.id, claim.id, root.id]);
    } finally {
      await u.close();
    }
  });

  it('delivers an event the log failed to store, replays it from memory, and where memory does not reach tells the reader to reload', async () => {
    // The first event from here on is not stored: a gap at the start of what a reader replays.
    let count = 0;
    await withLogWrites(
      t,
      (append) => async (articleId, events) => {
        const kept = events.filter(() => ++count !== 1);
        if (kept.length) await append(articleId, kept);
        if (kept.length < events.length) throw new Error('the database is away');
      },
      async () => {
        const { seq, watcher } = await leaveAndWatch(t.baseUrl, article.id);
        await post(ben.token, 8, 'half stored').expect(201);
        const node = (await post(ben.token, 8, 'fully stored')).body as ArgumentNode;
        // The reader here had every event, the unstored one too (each reply: one node:created).
        await watcher.waitFor((e) => e.name === 'node:created' && (e.payload.node as ArgumentNode).id === node.id);
        expect(watcher.seqs().slice(0, 2)).toEqual([seq + 1, seq + 2]);
        // This instance remembers what it delivered: a reader coming back here gets both.
        const back = await client();
        const ack = await back.join(article.id, seq);
        expect(ack).toMatchObject({ ok: true });
        expect('resync' in ack && ack.resync).toBeFalsy();
        await back.waitFor((e) => e.payload.seq === seq + 2);
        expect(back.seqs().slice(0, 2)).toEqual([seq + 1, seq + 2]);
        // An instance that did not deliver them reads the log, finds the gap, and says reload.
        const other = await startTestApp({}, { mongoUri: t.config.mongoUri, seed: false });
        try {
          const elsewhere = await connectLive(other.baseUrl);
          clients.push(elsewhere);
          expect(await elsewhere.join(article.id, seq)).toMatchObject({ ok: true, resync: true });
        } finally {
          await other.close();
        }
      },
    );
  });

  it('answers resync when the log no longer reaches back, or the client is ahead', async () => {
    const c = await client();
    const { seq } = (await c.join(article.id)) as { seq: number };
    c.close();
    for (let i = 0; i < 14; i++) await post(ben.token, 6, `filler ${i}`).expect(201);
    const late = await client();
    expect(await late.join(article.id, Math.max(0, seq - 5))).toMatchObject({ ok: true, resync: true });
    const ahead = await client();
    expect(await ahead.join(article.id, 10_000_000)).toMatchObject({ ok: true, resync: true });
  });

  it('keeps the newest events in the log, and prunes what is older than retention and a half', async () => {
    for (let i = 0; i < 12; i++) await post(ben.token, 6, `paged ${i}`).expect(201);
    const latest = await t.app.get(LiveService).currentSeq(article.id);
    await t.app.get(LiveService).beforeApplicationShutdown(); // what gathers for the log is stored
    const direct = await mongoose.createConnection(t.config.mongoUri).asPromise();
    try {
      const pages = await direct.db!.collection('live_log').find({ articleId: new mongoose.Types.ObjectId(article.id) }).sort({ seq: 1 }).toArray();
      const seqs = pages.flatMap((p) => (JSON.parse(p.events as string) as StoredLiveEvent[]).map((e) => e.payload.seq));
      // Every one of the newest LIVE_EVENT_RETENTION (10), in order, and nothing older than 150% of it.
      expect(seqs.slice(-10)).toEqual(Array.from({ length: 10 }, (_, i) => latest - 9 + i));
      expect(isStrictlyIncreasing(seqs)).toBe(true);
      expect(seqs[0]).toBeGreaterThan(latest - 15);
    } finally {
      await direct.close();
    }
  });

  it('reads pages of two instances that overlap in seq order', async () => {
    // Each instance stores what it published in one window: A published 1001, 1002 and 1005, B 1003 and 1004.
    const log = t.app.get(LiveService).log;
    const articleId = new mongoose.Types.ObjectId().toHexString();
    const event = (seq: number) => ({ name: 'article:updated', payload: { articleId, seq, article: {} } }) as unknown as StoredLiveEvent;
    await log.append(articleId, [event(1001), event(1002), event(1005)]);
    await log.append(articleId, [event(1003), event(1004)]);
    expect((await log.after(articleId, 1000)).map((e) => e.payload.seq)).toEqual([1001, 1002, 1003, 1004, 1005]);
    expect((await log.range(articleId, 1001, 1004)).map((e) => e.payload.seq)).toEqual([1002, 1003, 1004]);
    // A limited read takes the lowest seqs, wherever they lie: 1003 is in the second page, after 1005.
    expect((await log.after(articleId, 1000, 3)).map((e) => e.payload.seq)).toEqual([1001, 1002, 1003]);
  });

  it('prunes by event: a page straddling the cut keeps only its newer events', async () => {
    const log = t.app.get(LiveService).log;
    const articleId = new mongoose.Types.ObjectId().toHexString();
    const event = (seq: number) => ({ name: 'article:updated', payload: { articleId, seq, article: {} } }) as unknown as StoredLiveEvent;
    // Two instances' pages overlapping the cut, one wholly older, one wholly newer.
    await log.append(articleId, [event(1), event(2)]);
    await log.append(articleId, [event(3), event(5), event(8)]);
    await log.append(articleId, [event(4), event(6)]);
    await log.append(articleId, [event(7), event(9), event(10)]);
    await log.prune(articleId, 10, 5);
    expect((await log.after(articleId, 0)).map((e) => e.payload.seq)).toEqual([6, 7, 8, 9, 10]);
    expect((await log.range(articleId, 5, 8)).map((e) => e.payload.seq)).toEqual([6, 7, 8]);
  });

  it('lets anonymous and signed-in sockets read, and ignores a bad token', async () => {
    const signedIn = await client(ann.token);
    const forged = await client('not-a-token');
    expect(await signedIn.join(article.id)).toMatchObject({ ok: true });
    expect(await forged.join(article.id)).toMatchObject({ ok: true });
  });
});
