import type { ArgumentNode, ArticleDetail, AuthResponse, StrengthBreakdown, VoteResponse } from '@agora/shared';
import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

describe('strength people can trust (e2e)', () => {
  let t: TestApp;
  let article: ArticleDetail;
  let ann: AuthResponse;

  beforeAll(async () => {
    t = await startTestApp();
    await registerUser(t, 'admin');
    ann = await registerUser(t, 'ann');
    const list = await t.http().get('/api/articles').expect(200);
    article = (await t.http().get(`/api/articles/${list.body.items[0].id}`).expect(200)).body;
  });
  afterAll(() => t.close());

  const node = async (id: string) => (await t.http().get(`/api/nodes/${id}`).expect(200)).body as ArgumentNode;
  const breakdown = async (id: string) => (await t.http().get(`/api/nodes/${id}/strength`).expect(200)).body as StrengthBreakdown;
  const vote = (token: string, id: string, value: number) => t.http().put(`/api/nodes/${id}/vote`).set(...bearer(token)).send({ value });

  it('says the thesis and its paragraphs are not yet rated, rather than strong, before anyone votes', async () => {
    const thesis = await node(article.rootNodeId);
    expect(thesis.rated).toBe(false);
    expect(thesis.strength).toBeLessThan(0.55);
    expect(article.paragraphs.every((p) => p.rated === false)).toBe(true);
    const why = await breakdown(article.rootNodeId);
    expect(why).toMatchObject({ rated: false, points: Math.round(thesis.strength * 100), own: { count: 0, average: null } });
    expect(why.explanation[0]).toMatch(/^Not yet rated/);
  });

  it('lets 50 unrated one-word rebuttals from one new account move their paragraph by 5 points at most, and ten readers rating one 5/5 move it by 15 or more', async () => {
    const claimId = article.paragraphs[3].nodeId!;
    const before = await node(claimId);
    const thesisBefore = await node(article.rootNodeId);
    const newcomer = await registerUser(t, 'flood');
    // One word each, no two alike: the same text twice under one paragraph is refused as a repeat.
    const words = ['Wrong.', 'No.', 'False.', 'Nonsense.', 'Lies.'];
    const flood: ArgumentNode[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await t.http().post(`/api/articles/${article.id}/paragraphs/3/replies`).set(...bearer(newcomer.token)).send({ type: 'rebuttal', text: `${words[i % words.length]}${'!'.repeat(Math.floor(i / words.length))}` });
      expect(res.status).toBe(201);
      flood.push(res.body as ArgumentNode);
    }
    // Whatever it may vote on: not its own rebuttals; the thesis and other readers' arguments, yes.
    expect((await vote(newcomer.token, flood[0].id, 5)).status).toBe(403);
    const annReply = (await t.http().post(`/api/nodes/${flood[1].id}/replies`).set(...bearer(ann.token)).send({ type: 'support', text: 'Agreed.' }).expect(201)).body as ArgumentNode;
    await vote(newcomer.token, annReply.id, 5).expect(200);

    const flooded = await node(claimId);
    expect(flooded.replyCounts.rebuttal).toBe(before.replyCounts.rebuttal + 50);
    expect(Math.abs(before.strength - flooded.strength)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(thesisBefore.strength - (await node(article.rootNodeId)).strength)).toBeLessThanOrEqual(0.05);

    const target = flood[7];
    const readers = await Promise.all(Array.from({ length: 10 }, (_, i) => registerUser(t, `reader${i}`)));
    let last: VoteResponse | undefined;
    for (const r of readers) last = (await vote(r.token, target.id, 5).expect(200)).body as VoteResponse;
    expect(last).toMatchObject({ rated: true, votes: { count: 10, sum: 50 } });
    const after = await node(claimId);
    expect(after.rated).toBe(true);
    console.log(`paragraph: ${before.strength} before, ${flooded.strength} after 50 unrated rebuttals, ${after.strength} after ten 5/5 ratings of one`);
    expect(flooded.strength - after.strength).toBeGreaterThanOrEqual(0.15);
    expect((await node(article.rootNodeId)).rated).toBe(true);

    const why = await breakdown(claimId);
    expect(why.strength).toBe(after.strength);
    expect(why.points).toBe(Math.round(after.strength * 100));
    expect(why.own.points + why.replies.reduce((a, r) => a + r.points, 0) + why.others.points).toBe(why.points);
    expect(why.replies[0]).toMatchObject({ nodeId: target.id, role: 'attacker', excerpt: target.text, rating: { count: 10, average: 5 } });
    expect(why.replies[0].points).toBeLessThanOrEqual(-15);
    // Every public child is accounted for: readers' replies and the article's own sentences beneath the claim.
    const tree = (await t.http().get(`/api/articles/${article.id}/tree`).expect(200)).body.items as ArgumentNode[];
    const sentences = tree.filter((n) => n.parentId === claimId && n.origin === 'article').length;
    expect(why.replies.length + why.others.count).toBe(after.replyCounts.rebuttal + after.replyCounts.support + sentences);
    expect(why.explanation).toContain(`Pulled down by “${target.text}” (−${-why.replies[0].points} points, rated 5/5 by 10 readers).`);
    expect(why.explanation[why.explanation.length - 1]).toMatch(new RegExp(`= ${why.points}%\\.$`));
  }, 120_000);

  it('lists the article with the same reply counts in the reader as on the thread page', async () => {
    const detail = (await t.http().get(`/api/articles/${article.id}`).expect(200)).body as ArticleDetail;
    const p = detail.paragraphs[3];
    const claim = await node(p.nodeId!);
    expect(p.replyCounts).toEqual(claim.replyCounts);
    expect(p).toMatchObject({ strength: claim.strength, rated: true });
  });

  it('answers 404 for the breakdown of a node that does not exist and 400 for a malformed id', async () => {
    expect((await t.http().get('/api/nodes/0123456789abcdef01234567/strength')).status).toBe(404);
    expect((await t.http().get('/api/nodes/nope/strength')).status).toBe(400);
  });
});
