import { NODE_HISTORY_KEPT, type ArgumentNode, type ArticleDetail, type ArticleListItem, type AuthResponse, type NodeHistory } from '@agora/shared';
import { UsersRepository } from '../src/modules/users/users.repository';
import { bearer, registerAdmin, registerUser, startTestApp, type TestApp } from './support/test-app';

/** The home page's figures (origin, activity, open disputes) and an edited node's earlier texts. */
describe('article list disputes and node history (e2e)', () => {
  let t: TestApp;
  let admin: AuthResponse;
  let ann: AuthResponse;
  let ben: AuthResponse;
  let cat: AuthResponse;
  let moderator: AuthResponse;
  let article: ArticleDetail;

  beforeAll(async () => {
    t = await startTestApp({ BANNED_WORDS: 'spamword' }, { seed: false });
    admin = await registerAdmin(t, 'admin');
    [ann, ben, cat, moderator] = await Promise.all(['ann', 'ben', 'cat', 'mod'].map((p) => registerUser(t, p)));
    await t.app.get(UsersRepository).changeRole(moderator.user.id, 'participant', 'moderator');
    moderator = (await t.http().post('/api/auth/login').send({ username: moderator.user.username, password: 'correct horse battery' })).body as AuthResponse;
    const text = '---\ntitle: Shorter weeks\nauthor: Jane Roe\ndate: 2024-03-01\nsource: https://example.org/weeks\n---\n\nA four-day week keeps output. Trials say so.\n\nCosts rise for some firms. Shops must stay open.\n\nWorkers rest more. They come back keen.';
    article = (await t.http().post('/api/articles').set(...bearer(admin.token)).send({ text }).expect(201)).body as ArticleDetail;
  });
  afterAll(() => t.close());

  const reply = (token: string, index: number, type: 'support' | 'rebuttal', text: string) =>
    t.http().post(`/api/articles/${article.id}/paragraphs/${index}/replies`).set(...bearer(token)).send({ type, text }).expect(201).then((r) => r.body as ArgumentNode);
  const vote = (token: string, nodeId: string, value: number) => t.http().put(`/api/nodes/${nodeId}/vote`).set(...bearer(token)).send({ value }).expect(200);
  const listed = async () => ((await t.http().get('/api/articles').expect(200)).body.items as ArticleListItem[]).find((a) => a.id === article.id)!;

  it('lists the article with its origin, activity and no disputes before anyone argues', async () => {
    const item = await listed();
    expect(item.metadata).toMatchObject({ author: 'Jane Roe', publishedAt: '2024-03-01', sourceUrl: 'https://example.org/weeks' });
    expect(item).toMatchObject({ replyCount: 0, disputes: [] });
  });

  it('lists the nodes whose rated support and attack are strongest and most even, strongest first', async () => {
    const contested = article.paragraphs[0].nodeId!;
    const lopsided = article.paragraphs[1].nodeId!;
    const pro = await reply(ann.token, 0, 'support', 'Trials in Iceland found the same output.');
    const con = await reply(ben.token, 0, 'rebuttal', 'The trial firms chose to take part.');
    const onlyPro = await reply(ann.token, 1, 'support', 'Rotas spread the opening hours.');
    const weakCon = await reply(ben.token, 1, 'rebuttal', 'Rotas cost money too.');
    await reply(ann.token, 2, 'support', 'Rested workers make fewer mistakes.');
    for (const [id, value] of [[pro.id, 5], [con.id, 5], [onlyPro.id, 5], [weakCon.id, 1]] as const) await vote(cat.token, id, value);

    const item = await listed();
    expect(item.replyCount).toBe(5);
    expect(item.lastActivityAt > article.createdAt).toBe(true);
    expect(item.disputes!.map((d) => d.nodeId)).toEqual([contested, lopsided]);
    const [top, second] = item.disputes!;
    expect(top.excerpt).toBe('A four-day week keeps output. Trials say so.');
    expect(top.paragraphIndex).toBe(0);
    expect(top.support).toBeGreaterThan(0.5);
    expect(top.attack).toBeGreaterThan(0.5);
    expect(second.score).toBeLessThan(top.score);
    expect(second.attack).toBeLessThan(0.5);
  });

  it('takes a locked article’s disputes off the list, and brings them back when it is unlocked', async () => {
    await t.http().post(`/api/moderation/articles/${article.id}/lock`).set(...bearer(moderator.token)).send({ locked: true, reason: 'cooling off' }).expect(200);
    expect((await listed()).disputes).toEqual([]);
    await t.http().post(`/api/moderation/articles/${article.id}/lock`).set(...bearer(moderator.token)).send({ locked: false, reason: 'open again' }).expect(200);
    expect((await listed()).disputes).toHaveLength(2);
  });

  describe('an edited node', () => {
    it('keeps each earlier text, newest first, and tells a reader who rated before the edit', async () => {
      const node = await reply(ann.token, 2, 'rebuttal', 'First words.');
      await vote(cat.token, node.id, 4);
      expect((await t.http().get(`/api/nodes/${node.id}/my-vote`).set(...bearer(cat.token)).expect(200)).body).toMatchObject({ value: 4, onEarlierVersion: false });
      expect((await t.http().get(`/api/nodes/${node.id}/history`).expect(200)).body).toEqual({ nodeId: node.id, editedAt: null, versions: [] });

      await t.http().patch(`/api/nodes/${node.id}`).set(...bearer(ann.token)).send({ text: 'Second words.' }).expect(200);
      const edited = (await t.http().patch(`/api/nodes/${node.id}`).set(...bearer(ann.token)).send({ text: 'Third words.' }).expect(200)).body as ArgumentNode;
      const history = (await t.http().get(`/api/nodes/${node.id}/history`).expect(200)).body as NodeHistory;
      expect(history.editedAt).toBe(edited.editedAt);
      expect(history.versions.map((v) => v.text)).toEqual(['Second words.', 'First words.']);
      expect(history.versions[1].writtenAt).toBe(node.createdAt);

      const mine = (await t.http().get(`/api/nodes/${node.id}/my-vote`).set(...bearer(cat.token)).expect(200)).body;
      expect(mine).toMatchObject({ value: 4, onEarlierVersion: true });
      expect(mine.ratedAt < edited.editedAt!).toBe(true);
      await vote(cat.token, node.id, 3);
      expect((await t.http().get(`/api/nodes/${node.id}/my-vote`).set(...bearer(cat.token)).expect(200)).body).toMatchObject({ value: 3, onEarlierVersion: false });
      expect((await t.http().get(`/api/nodes/${node.id}/my-vote`).set(...bearer(ben.token)).expect(200)).body).toEqual({ value: null, ratedAt: null, onEarlierVersion: false });
    });

    it('shows readers only the texts that were public; the author and moderators see the one held for review', async () => {
      const node = await reply(ann.token, 2, 'support', 'Plain words.');
      // Pre-moderation holds this edit back: the node is pending until a moderator approves it.
      await t.http().patch(`/api/nodes/${node.id}`).set(...bearer(ann.token)).send({ text: 'Buy spamword now.' }).expect(200);
      expect((await t.http().get(`/api/nodes/${node.id}/history`)).status).toBe(404);
      await t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(moderator.token)).send({ action: 'approve', reason: 'a quote, not spam' }).expect(200);
      await t.http().patch(`/api/nodes/${node.id}`).set(...bearer(ann.token)).send({ text: 'Plain words again.' }).expect(200);

      const asReader = (await t.http().get(`/api/nodes/${node.id}/history`).set(...bearer(ben.token)).expect(200)).body as NodeHistory;
      expect(asReader.versions.map((v) => v.text)).toEqual(['Buy spamword now.', 'Plain words.']);
      // The approved text was public once approved: the reader sees it. Hide the node's current text and
      // edit again: the hidden text stays out of readers' sight.
      await t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(moderator.token)).send({ action: 'hide', reason: 'rude' }).expect(200);
      await t.http().patch(`/api/nodes/${node.id}`).set(...bearer(ann.token)).send({ text: 'Polite words.' }).expect(200);
      await t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(moderator.token)).send({ action: 'restore', reason: 'fixed' }).expect(200);

      const anonymous = (await t.http().get(`/api/nodes/${node.id}/history`).expect(200)).body as NodeHistory;
      expect(anonymous.versions.map((v) => v.text)).toEqual(['Buy spamword now.', 'Plain words.']);
      const asAuthor = (await t.http().get(`/api/nodes/${node.id}/history`).set(...bearer(ann.token)).expect(200)).body as NodeHistory;
      expect(asAuthor.versions.map((v) => v.text)).toEqual(['Plain words again.', 'Buy spamword now.', 'Plain words.']);
      const asModerator = (await t.http().get(`/api/nodes/${node.id}/history`).set(...bearer(moderator.token)).expect(200)).body as NodeHistory;
      expect(asModerator.versions).toHaveLength(3);
    });

    it('keeps only the last edits, and none of a withdrawn node’s for other readers', async () => {
      const node = await reply(ben.token, 1, 'support', 'Version 0.');
      for (let i = 1; i <= NODE_HISTORY_KEPT + 2; i++) await t.http().patch(`/api/nodes/${node.id}`).set(...bearer(ben.token)).send({ text: `Version ${i}.` }).expect(200);
      const history = (await t.http().get(`/api/nodes/${node.id}/history`).expect(200)).body as NodeHistory;
      expect(history.versions).toHaveLength(NODE_HISTORY_KEPT);
      expect(history.versions[0].text).toBe(`Version ${NODE_HISTORY_KEPT + 1}.`);
      expect(history.versions.at(-1)!.text).toBe('Version 2.');

      await t.http().delete(`/api/nodes/${node.id}`).set(...bearer(ben.token)).expect(200);
      expect((await t.http().get(`/api/nodes/${node.id}/history`).set(...bearer(ann.token)).expect(200)).body.versions).toEqual([]);
      expect((await t.http().get(`/api/nodes/${node.id}/history`).set(...bearer(ben.token)).expect(200)).body.versions).toHaveLength(NODE_HISTORY_KEPT);
    });

    it('answers 404 for an unknown node and 400 for a malformed id', async () => {
      expect((await t.http().get(`/api/nodes/${'a'.repeat(24)}/history`)).status).toBe(404);
      const bad = await t.http().get('/api/nodes/not-an-id/history');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    });
  });
});
