import type { AifDocument, ArgumentNode, ArticleDetail, AuthResponse, DebateExport } from '@agora/shared';
import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

describe('comments and refusals said before a click (e2e)', () => {
  let t: TestApp;
  let article: ArticleDetail;
  let ann: AuthResponse, ben: AuthResponse, cy: AuthResponse;

  beforeAll(async () => {
    t = await startTestApp();
    await registerUser(t, 'admin');
    [ann, ben, cy] = [await registerUser(t, 'ann'), await registerUser(t, 'ben'), await registerUser(t, 'cy')];
    const list = await t.http().get('/api/articles').expect(200);
    article = (await t.http().get(`/api/articles/${list.body.items[0].id}`).expect(200)).body;
  });
  afterAll(() => t.close());

  const node = async (id: string) => (await t.http().get(`/api/nodes/${id}`).expect(200)).body as ArgumentNode;
  const vote = (token: string, id: string, value: number) => t.http().put(`/api/nodes/${id}/vote`).set(...bearer(token)).send({ value });
  const replyTo = (token: string, id: string, body: object) => t.http().post(`/api/nodes/${id}/replies`).set(...bearer(token)).send(body);

  it('takes a comment on a paragraph and on a reply, counts it apart, and lets it move no strength', async () => {
    const claimId = article.paragraphs[2].nodeId!;
    const rebuttal = (await t.http().post(`/api/articles/${article.id}/paragraphs/2/replies`).set(...bearer(ann.token)).send({ type: 'rebuttal', text: 'The figures are from one province.' }).expect(201)).body as ArgumentNode;
    await vote(ben.token, rebuttal.id, 5).expect(200);
    const [claimBefore, rebuttalBefore, thesisBefore] = [await node(claimId), await node(rebuttal.id), await node(article.rootNodeId)];

    const question = await t.http().post(`/api/articles/${article.id}/paragraphs/2/replies`).set(...bearer(ben.token)).send({ type: 'comment', text: 'Which year are these figures from?' }).expect(201);
    expect(question.body).toMatchObject({ type: 'comment', parentId: claimId, status: 'visible' });
    const remark = await replyTo(cy.token, rebuttal.id, { type: 'comment', text: 'Worth checking the census too.' }).expect(201);
    expect(remark.body).toMatchObject({ type: 'comment', parentId: rebuttal.id });
    // A reply to a comment is an argument beneath it, and moves the comment, not what it comments on.
    await replyTo(ann.token, question.body.id, { type: 'support', text: 'From 2006, per the article.' }).expect(201);
    await vote(cy.token, question.body.id, 5).expect(403);

    const [claimAfter, rebuttalAfter, thesisAfter] = [await node(claimId), await node(rebuttal.id), await node(article.rootNodeId)];
    expect(claimAfter.strength).toBe(claimBefore.strength);
    expect(rebuttalAfter.strength).toBe(rebuttalBefore.strength);
    expect(thesisAfter.strength).toBe(thesisBefore.strength);
    expect(claimAfter.replyCounts).toEqual({ ...claimBefore.replyCounts, comment: claimBefore.replyCounts.comment + 1 });
    expect(rebuttalAfter.replyCounts).toEqual({ support: 0, rebuttal: 0, comment: 1 });
    const paragraph = ((await t.http().get(`/api/articles/${article.id}`).expect(200)).body as ArticleDetail).paragraphs[2];
    expect(paragraph.replyCounts).toEqual(claimAfter.replyCounts);
    const why = (await t.http().get(`/api/nodes/${rebuttal.id}/strength`).expect(200)).body;
    expect(why.strength).toBe(rebuttalAfter.strength);
  });

  it('exports a comment as no support or attack', async () => {
    const json = (await t.http().get(`/api/articles/${article.id}/export`).expect(200)).body as DebateExport;
    const comments = json.nodes.filter((n) => n.type === 'comment');
    expect(comments).toHaveLength(2);
    expect(comments.every((n) => n.relation === 'comments')).toBe(true);
    const aif = (await t.http().get(`/api/articles/${article.id}/export?format=aif`).expect(200)).body as AifDocument;
    const asked = aif.nodes.find((n) => n.type === 'I' && n.text === 'Which year are these figures from?')!;
    expect(aif.edges.filter((e) => e.fromID === asked.nodeID).map((e) => aif.nodes.find((n) => n.nodeID === e.toID)!.type)).toEqual([]);
  });

  it('refuses a reply type it does not know, and replies, votes and flags on a withdrawn argument', async () => {
    const res = await replyTo(ben.token, article.paragraphs[3].nodeId!, { type: 'question', text: 'Why?' });
    expect(res.status).toBe(400);
    const mine = (await t.http().post(`/api/articles/${article.id}/paragraphs/3/replies`).set(...bearer(ann.token)).send({ type: 'support', text: 'So said the survey.' }).expect(201)).body as ArgumentNode;
    await t.http().delete(`/api/nodes/${mine.id}`).set(...bearer(ann.token)).expect(200);
    const reply = await replyTo(ben.token, mine.id, { type: 'rebuttal', text: 'Which survey?' });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ code: 'WITHDRAWN' });
    expect((await vote(ben.token, mine.id, 2)).body).toMatchObject({ code: 'WITHDRAWN' });
    expect((await t.http().post(`/api/nodes/${mine.id}/flags`).set(...bearer(ben.token)).send({ reason: 'spam' })).body).toMatchObject({ code: 'WITHDRAWN' });
  });
});
