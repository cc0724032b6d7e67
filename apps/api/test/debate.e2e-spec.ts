import type { ArgumentNode, ArticleDetail, AuthResponse, StrengthBreakdown, VoteResponse } from '@agora/shared';
import { bearer, registerAdmin, registerUser, startTestApp, type TestApp } from './support/test-app';

describe('debate core (e2e)', () => {
  let t: TestApp;
  let admin: AuthResponse, ann: AuthResponse, ben: AuthResponse;
  let article: ArticleDetail;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await registerAdmin(t);
    ann = await registerUser(t, 'ann');
    ben = await registerUser(t, 'ben');
    const list = await t.http().get('/api/articles').expect(200);
    article = (await t.http().get(`/api/articles/${list.body.items[0].id}`).expect(200)).body;
  });
  afterAll(() => t.close());

  const reply = (token: string, index: number, body: object) => t.http().post(`/api/articles/${article.id}/paragraphs/${index}/replies`).set(...bearer(token)).send(body);

  describe('articles', () => {
    it('lists the seed article with counts', async () => {
      const res = await t.http().get('/api/articles').expect(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({ title: expect.stringMatching(/^IRAQ: Sectarianism/), paragraphCount: 16 });
      expect(res.body.items[0].nodeCount).toBeGreaterThan(17);
    });

    it('serves paragraphs with their claim node, counts and strength', () => {
      expect(article.paragraphs).toHaveLength(16);
      for (const p of article.paragraphs) {
        expect(p.nodeId).toMatch(/^[0-9a-f]{24}$/);
        expect(p.replyCounts).toEqual({ support: expect.any(Number), rebuttal: expect.any(Number), comment: expect.any(Number) });
        expect(p.strength).toBeGreaterThanOrEqual(0);
        expect(p.strength).toBeLessThanOrEqual(1);
        expect(p.sentences.map((s) => s.text).join(' ').replace(/\s+/g, ' ')).toBe(p.text.replace(/\s+/g, ' '));
      }
    });

    it("serves the first screen with a validator: 304 while unchanged, a signed-in reader's own votes in it, and a new one after a change", async () => {
      const url = `/api/articles/${article.id}`;
      const anonymous = await t.http().get(url).expect(200).expect('Content-Type', /application\/json/);
      const tag = anonymous.headers.etag as string;
      expect(tag).toMatch(/^W\/"/);
      expect(anonymous.body).not.toHaveProperty('myVotes');
      await t.http().get(url).set('If-None-Match', tag).expect(304);

      const claim = article.paragraphs[2].nodeId!;
      await t.http().put(`/api/nodes/${claim}/vote`).set(...bearer(ben.token)).send({ value: 5 }).expect(200);
      const mine = await t.http().get(url).set(...bearer(ben.token)).expect(200);
      expect(mine.body.myVotes).toEqual({ [claim]: 5 });
      expect(mine.body.paragraphs).toHaveLength(16);
      expect(mine.headers.etag).not.toBe(tag);
      // The vote moved the claim's figures: the screen every reader shares changed, and its validator with it.
      const after = await t.http().get(url).set('If-None-Match', tag).expect(200);
      expect(after.headers.etag).not.toBe(tag);
      expect(article.paragraphs[2].rated).toBe(false);
      expect(after.body.paragraphs[2].rated).toBe(true);
    });

    it('serves the tree flat: thesis, a claim per paragraph, premises beneath what they target, no nodes for context', async () => {
      const nodes: ArgumentNode[] = (await t.http().get(`/api/articles/${article.id}/tree`).expect(200)).body.items;
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const root = nodes.filter((n) => n.parentId === null);
      expect(root).toHaveLength(1);
      expect(root[0].id).toBe(article.rootNodeId);
      const claims = nodes.filter((n) => n.type === 'claim' && n.parentId === article.rootNodeId);
      expect(claims.map((c) => c.paragraphIndex).sort((a, b) => a! - b!)).toEqual([...Array(16).keys()]);
      for (const p of article.paragraphs) {
        for (const s of p.sentences) {
          switch (s.role) {
            case 'thesis':
              expect(s.nodeId).toBe(article.rootNodeId);
              break;
            case 'claim':
              expect(s.nodeId).toBe(p.nodeId);
              expect(byId.get(p.nodeId!)!.stance).toBe(s.stance);
              break;
            case 'context':
              expect(s.nodeId).toBeUndefined();
              break;
            case 'support':
            case 'rebuttal': {
              const node = byId.get(s.nodeId!)!;
              expect(node).toMatchObject({ origin: 'article', type: s.role, paragraphIndex: p.index, sentenceIndex: s.index, text: s.text });
              const aimed = s.target === null ? undefined : p.sentences[s.target];
              const parentId = aimed && (aimed.role === 'support' || aimed.role === 'rebuttal' || aimed.role === 'thesis') ? aimed.nodeId : p.nodeId;
              expect(node.parentId).toBe(parentId);
              break;
            }
          }
        }
      }
      const all = article.paragraphs.flatMap((p) => p.sentences);
      expect(new Set(all.map((s) => s.role))).toEqual(new Set(['thesis', 'claim', 'support', 'rebuttal', 'context']));
      expect(all.some((s) => s.role === 'rebuttal' && s.target !== null)).toBe(true);
      expect(nodes.filter((n) => n.sentenceIndex !== null)).toHaveLength(all.filter((s) => s.role === 'support' || s.role === 'rebuttal').length);
      expect(nodes.some((n) => n.attribution === 'Washington Post')).toBe(false);
      expect(nodes.some((n) => n.attribution === 'Alawi')).toBe(true);
    });

    it('imports an article for moderators only, once, and refuses bad text', async () => {
      const text = 'A Test Article\n\nThe first claim is here. It has two sentences.\n\nBut a second paragraph disagrees.';
      expect((await t.http().post('/api/articles').set(...bearer(ann.token)).send({ text })).status).toBe(403);
      expect((await t.http().post('/api/articles').send({ text })).status).toBe(401);
      const created = await t.http().post('/api/articles').set(...bearer(admin.token)).send({ text });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ title: 'A Test Article', paragraphCount: 2 });
      const again = await t.http().post('/api/articles').set(...bearer(admin.token)).send({ text });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(created.body.id);
      for (const bad of [{ text: '' }, { text: '   \n\n  ' }, { text: 'abc\u0000def' }, { text: 'x'.repeat(2 * 1024 * 1024 + 1) }, { text: 42 }]) {
        const res = await t.http().post('/api/articles').set(...bearer(admin.token)).send(bad);
        expect([400, 413]).toContain(res.status);
        expect(res.body.message).toEqual(expect.any(String));
      }
      expect((await t.http().get('/api/articles').expect(200)).body.items).toHaveLength(2);
    });
  });

  describe('replies', () => {
    it('anchors a paragraph rebuttal to a quoted passage', async () => {
      const p3 = article.paragraphs[3];
      const exact = p3.text.split(' ').slice(2, 7).join(' ');
      const res = await reply(ann.token, 3, { type: 'rebuttal', text: 'Where is the evidence?', quote: { exact } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ type: 'rebuttal', paragraphIndex: 3, parentId: p3.nodeId, depth: 2, origin: 'user', authorId: ann.user.id, status: 'visible' });
      expect(p3.text.slice(res.body.anchor.start, res.body.anchor.end)).toBe(exact);
      const detail = (await t.http().get(`/api/articles/${article.id}`).expect(200)).body as ArticleDetail;
      expect(detail.paragraphs[3].replyCounts).toEqual({ support: 0, rebuttal: 1, comment: 0 });
    });

    it.each([
      [{ type: 'rebuttal', text: 'x', quote: { exact: 'these words are nowhere' } }, 422],
      [{ type: 'opinion', text: 'x' }, 400],
      [{ type: 'support', text: '' }, 400],
      [{ type: 'support', text: '   ' }, 400],
      [{ type: 'support', text: 'y'.repeat(5001) }, 400],
      [{ type: 'support', text: 'ok', extra: true }, 400],
      [{ type: 'support', text: 'bell \u0007 char' }, 400],
      [{ type: 'support', text: { $gt: '' } }, 400],
    ])('answers %j with %i', async (body, status) => {
      const res = await reply(ann.token, 3, body);
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String) });
    });

    it('keeps newlines and tabs, and rejects missing paragraphs, bad ids and anonymous posts', async () => {
      expect((await reply(ann.token, 2, { type: 'support', text: 'line one\n\tline two' })).status).toBe(201);
      expect((await reply(ann.token, 99, { type: 'support', text: 'x' })).status).toBe(404);
      expect((await t.http().post(`/api/articles/${article.id}/paragraphs/abc/replies`).set(...bearer(ann.token)).send({ type: 'support', text: 'x' })).status).toBe(400);
      expect((await t.http().post(`/api/articles/not-an-id/paragraphs/1/replies`).set(...bearer(ann.token)).send({ type: 'support', text: 'x' })).status).toBe(400);
      expect((await t.http().post(`/api/articles/${article.id}/paragraphs/1/replies`).send({ type: 'support', text: 'x' })).status).toBe(401);
      expect((await t.http().get('/api/nodes/0123456789abcdef01234567')).status).toBe(404);
      const malformed = await t.http().post(`/api/articles/${article.id}/paragraphs/1/replies`).set(...bearer(ann.token)).set('content-type', 'application/json').send('{"type":');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('VALIDATION');
    });

    it('refuses the same text by the same author under the same parent with 409 DUPLICATE', async () => {
      const text = `Posted once, not twice (${Date.now()}).`;
      const first = await reply(ann.token, 5, { type: 'support', text });
      expect(first.status).toBe(201);
      const again = await reply(ann.token, 5, { type: 'rebuttal', text: `  ${text.replace(' ', '\n')} ` });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'DUPLICATE', message: expect.stringContaining('already posted') });
      // Someone else may say the same, and the author may say it elsewhere.
      expect((await reply(ben.token, 5, { type: 'support', text })).status).toBe(201);
      expect((await reply(ann.token, 6, { type: 'support', text })).status).toBe(201);
      const nested = await t.http().post(`/api/nodes/${first.body.id}/replies`).set(...bearer(ben.token)).send({ type: 'rebuttal', text: 'Nested once.' });
      expect(nested.status).toBe(201);
      expect((await t.http().post(`/api/nodes/${first.body.id}/replies`).set(...bearer(ben.token)).send({ type: 'rebuttal', text: 'Nested once.' })).status).toBe(409);
    });

    it('nests replies without limit and pages children by each sort', async () => {
      let parent = (await reply(ann.token, 5, { type: 'support', text: 'Level 2' })).body as ArgumentNode;
      for (let depth = 3; depth <= 12; depth++) {
        const res = await t.http().post(`/api/nodes/${parent.id}/replies`).set(...bearer(depth % 2 ? ben.token : ann.token)).send({ type: depth % 3 ? 'support' : 'rebuttal', text: `Level ${depth}` });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ parentId: parent.id, depth, paragraphIndex: 5 });
        expect(res.body.ancestors).toEqual([...parent.ancestors, parent.id]);
        parent = res.body;
      }
      const hub = (await reply(ann.token, 6, { type: 'support', text: 'hub' })).body as ArgumentNode;
      for (let i = 0; i < 5; i++) await t.http().post(`/api/nodes/${hub.id}/replies`).set(...bearer(ben.token)).send({ type: 'support', text: `child ${i}` }).expect(201);
      const page1 = await t.http().get(`/api/nodes/${hub.id}/children?sort=new&limit=3`).expect(200);
      expect(page1.body.items.map((n: ArgumentNode) => n.text)).toEqual(['child 4', 'child 3', 'child 2']);
      const page2 = await t.http().get(`/api/nodes/${hub.id}/children?sort=new&limit=3&cursor=${page1.body.nextCursor}`).expect(200);
      expect(page2.body.items.map((n: ArgumentNode) => n.text)).toEqual(['child 1', 'child 0']);
      expect(page2.body.nextCursor).toBeNull();
      for (const sort of ['strength', 'votes']) expect((await t.http().get(`/api/nodes/${hub.id}/children?sort=${sort}`)).body.items).toHaveLength(5);
      expect((await t.http().get(`/api/nodes/${hub.id}/children?sort=random`)).status).toBe(400);
      expect((await t.http().get(`/api/nodes/${hub.id}/children?limit=0`)).status).toBe(400);
    });

    it('lets only the author edit (keeping history) and withdraw (keeping replies)', async () => {
      const mine = (await reply(ann.token, 7, { type: 'support', text: 'first words' })).body as ArgumentNode;
      const child = (await t.http().post(`/api/nodes/${mine.id}/replies`).set(...bearer(ben.token)).send({ type: 'rebuttal', text: 'a reply' })).body as ArgumentNode;
      expect((await t.http().patch(`/api/nodes/${mine.id}`).set(...bearer(ben.token)).send({ text: 'hijack' })).status).toBe(403);
      const edited = await t.http().patch(`/api/nodes/${mine.id}`).set(...bearer(ann.token)).send({ text: 'better words' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ text: 'better words', version: 2, editedAt: expect.any(String) });
      expect((await t.http().delete(`/api/nodes/${mine.id}`).set(...bearer(ben.token))).status).toBe(403);
      const withdrawn = await t.http().delete(`/api/nodes/${mine.id}`).set(...bearer(ann.token));
      expect(withdrawn.body).toMatchObject({ withdrawn: true, text: '' });
      expect((await t.http().get(`/api/nodes/${child.id}`)).body.text).toBe('a reply');
      expect((await t.http().patch(`/api/nodes/${mine.id}`).set(...bearer(ann.token)).send({ text: 'back' })).status).toBe(409);
    });
  });

  describe('votes and strength', () => {
    it('votes, changes, withdraws, and refuses self-votes and bad values', async () => {
      const node = (await reply(ann.token, 8, { type: 'support', text: 'vote on me' })).body as ArgumentNode;
      expect((await t.http().put(`/api/nodes/${node.id}/vote`).set(...bearer(ann.token)).send({ value: 5 })).status).toBe(403);
      for (const value of [0, 6, 2.5, '3', null]) expect((await t.http().put(`/api/nodes/${node.id}/vote`).set(...bearer(ben.token)).send({ value })).status).toBe(400);
      expect((await t.http().put(`/api/nodes/${node.id}/vote`).send({ value: 3 })).status).toBe(401);
      const v1 = await t.http().put(`/api/nodes/${node.id}/vote`).set(...bearer(ben.token)).send({ value: 5 });
      expect(v1.body).toMatchObject({ votes: { count: 1, sum: 5, histogram: { '5': 1 } }, myVote: 5 });
      expect(v1.body.strength).toBeGreaterThan(0.5);
      const v2 = await t.http().put(`/api/nodes/${node.id}/vote`).set(...bearer(ben.token)).send({ value: 1 });
      expect(v2.body).toMatchObject({ votes: { count: 1, sum: 1, histogram: { '1': 1, '5': 0 } } });
      expect(v2.body.strength).toBeLessThan(0.5);
      expect((await t.http().get(`/api/nodes/${node.id}/my-vote`).set(...bearer(ben.token))).body).toMatchObject({ value: 1, onEarlierVersion: false });
      expect((await t.http().get(`/api/articles/${article.id}/my-votes`).set(...bearer(ben.token))).body.votes[node.id]).toBe(1);
      const v3 = await t.http().delete(`/api/nodes/${node.id}/vote`).set(...bearer(ben.token));
      expect(v3.body).toMatchObject({ votes: { count: 0, sum: 0 }, strength: 0.5, myVote: null });
    });

    it('keeps aggregates exact under 50 users voting and re-voting concurrently', async () => {
      const node = (await reply(ann.token, 9, { type: 'rebuttal', text: 'contested' })).body as ArgumentNode;
      const voters = await Promise.all(Array.from({ length: 50 }, (_, i) => registerUser(t, `v${i}`)));
      const first = voters.map((_, i) => 1 + (i % 5));
      const second = voters.map((_, i) => 1 + ((i * 3) % 5));
      await Promise.all(voters.map((v, i) => t.http().put(`/api/nodes/${node.id}/vote`).set(...bearer(v.token)).send({ value: first[i] }).expect(200)));
      await Promise.all(voters.map((v, i) => (i % 7 === 0 ? t.http().delete(`/api/nodes/${node.id}/vote`) : t.http().put(`/api/nodes/${node.id}/vote`).send({ value: second[i] })).set(...bearer(v.token)).expect(200)));
      const kept = voters.map((_, i) => i).filter((i) => i % 7 !== 0);
      const expected = { count: kept.length, sum: kept.reduce((s, i) => s + second[i], 0) };
      const after = (await t.http().get(`/api/nodes/${node.id}`).expect(200)).body as ArgumentNode;
      expect(after.votes).toMatchObject(expected);
      const histogram = Object.values(after.votes.histogram).reduce((a, b) => a + b, 0);
      expect(histogram).toBe(kept.length);
      for (const v of [1, 2, 3, 4, 5] as const) expect(after.votes.histogram[String(v) as '1']).toBe(kept.filter((i) => second[i] === v).length);
    }, 180_000);

    it('lets a strong rebuttal weaken its claim, and explains the figure', async () => {
      const claimId = article.paragraphs[10].nodeId!;
      const before = (await t.http().get(`/api/nodes/${claimId}`)).body.strength as number;
      const rebuttal = (await reply(ann.token, 10, { type: 'rebuttal', text: 'This is plainly wrong.' })).body as ArgumentNode;
      const vote = (await t.http().put(`/api/nodes/${rebuttal.id}/vote`).set(...bearer(ben.token)).send({ value: 5 }).expect(200)).body as VoteResponse;
      const after = (await t.http().get(`/api/nodes/${claimId}`)).body.strength as number;
      expect(after).toBeLessThan(before);
      // Read straight after the vote, the claim and the root above it already count it.
      const breakdown = (await t.http().get(`/api/nodes/${claimId}/strength`).expect(200)).body as StrengthBreakdown;
      expect(breakdown).toMatchObject({ strength: after, rated: true, points: Math.round(after * 100) });
      expect(breakdown.own.points + breakdown.replies.reduce((a, r) => a + r.points, 0) + breakdown.others.points).toBe(breakdown.points);
      // One reader's 5/5 moves it by a few points: named if a point or more, else among the others.
      const named = breakdown.replies.find((r) => r.nodeId === rebuttal.id);
      if (named) expect(named).toMatchObject({ role: 'attacker', rating: { count: 1, average: 5 }, excerpt: 'This is plainly wrong.' });
      else expect(breakdown.others.count).toBeGreaterThan(0);
      expect(vote.rated).toBe(true);
      const root = (await t.http().get(`/api/nodes/${article.rootNodeId}/strength`).expect(200)).body as StrengthBreakdown;
      expect(root.strength).toBe(((await t.http().get(`/api/nodes/${article.rootNodeId}`)).body as ArgumentNode).strength);
      expect(breakdown.explanation.join(' ')).not.toMatch(/DF-QuAD|prior|aggregate/);
    });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/articles/{id}/paragraphs/{index}/replies', '/api/nodes/{id}/vote']));
  });
});
