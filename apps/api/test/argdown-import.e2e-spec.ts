import type { ArgumentNode, ArticleDetail, AuthResponse } from '@agora/shared';
import { UsersRepository } from '../src/modules/users/users.repository';
import { bearer, registerUser, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

describe('Argdown import (e2e)', () => {
  let t: TestApp;
  let mod: AuthResponse, ann: AuthResponse;

  beforeAll(async () => {
    t = await startTestApp();
    const registered = await registerUser(t, 'mod');
    await t.app.get(UsersRepository).changeRole(registered.user.id, 'participant', 'moderator');
    mod = (await t.http().post('/api/auth/login').send({ username: registered.user.username, password: TEST_PASSWORD }).expect(200)).body;
    ann = await registerUser(t, 'ann');
  });
  afterAll(() => t.close());

  const tree = async (id: string): Promise<ArgumentNode[]> => (await t.http().get(`/api/articles/${id}/tree`).expect(200)).body.items;
  /** Each node as its text, its parent's text and whether it supports or attacks: the shape of a debate, whatever its ids. */
  const shape = (nodes: ArgumentNode[]): string[] => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return nodes.map((n) => `${n.parentId ? byId.get(n.parentId)!.text : '-'} <${n.type === 'rebuttal' || n.stance === 'against' ? 'attacks' : 'supports'}- ${n.text}`).sort();
  };

  it('imports an exported debate back into the same tree of statements and relations', async () => {
    const seedId = (await t.http().get('/api/articles').expect(200)).body.items[0].id as string;
    // Readers' replies go with the export, beneath what they answer.
    const seed = (await t.http().get(`/api/articles/${seedId}`).expect(200)).body as ArticleDetail;
    await t.http().post(`/api/articles/${seedId}/paragraphs/1/replies`).set(...bearer(ann.token)).send({ type: 'rebuttal', text: 'A reply with [brackets], a #tag and a - dash.' }).expect(201);
    const argdown = (await t.http().get(`/api/articles/${seedId}/export?format=argdown`).expect(200)).text;

    const res = await t.http().post('/api/articles/import?format=argdown').set(...bearer(mod.token)).send({ text: argdown }).expect(201);
    const imported = res.body as ArticleDetail;
    expect(imported.id).not.toBe(seedId);
    expect(imported.title).toBe(seed.title);
    const [before, after] = [await tree(seedId), await tree(imported.id)];
    const withText = before.filter((n) => n.text);
    expect(after).toHaveLength(withText.length);
    expect(shape(after)).toEqual(shape(withText));
    expect(after.every((n) => n.origin === 'article')).toBe(true);

    // The same document again is the same debate.
    const again = await t.http().post('/api/articles/import?format=argdown').set(...bearer(mod.token)).send({ text: argdown }).expect(200);
    expect(again.body.id).toBe(imported.id);
  });

  it('makes claims of what supports or attacks the thesis, and replies of what is beneath them', async () => {
    const text = '# Bridges\n\n[T]: The city should rebuild the bridge.\n  + [A]: It is unsafe.\n    - [B]: It passed its last inspection.\n  - [C]: It costs too much.\n';
    const detail = (await t.http().post('/api/articles/import?format=argdown').set(...bearer(mod.token)).send({ text }).expect(201)).body as ArticleDetail;
    expect(detail.title).toBe('Bridges');
    expect(detail.paragraphs.map((p) => [p.text, p.sentences[0].stance])).toEqual([
      ['It is unsafe.', 'for'],
      ['It costs too much.', 'against'],
    ]);
    const nodes = await tree(detail.id);
    expect(nodes.find((n) => n.text === 'It passed its last inspection.')).toMatchObject({ type: 'rebuttal', parentId: detail.paragraphs[0].nodeId, paragraphIndex: 0, depth: 2 });
  });

  it('refuses non-moderators, bad formats and documents that are not a debate, creating nothing', async () => {
    const count = async () => (await t.http().get('/api/articles').expect(200)).body.items.length as number;
    const before = await count();
    await t.http().post('/api/articles/import?format=argdown').set(...bearer(ann.token)).send({ text: '[T]: x\n  + [S]: y\n' }).expect(403);
    await t.http().post('/api/articles/import?format=argdown').send({ text: '[T]: x\n  + [S]: y\n' }).expect(401);
    await t.http().post('/api/articles/import?format=aif').set(...bearer(mod.token)).send({ text: '[T]: x\n  + [S]: y\n' }).expect(400);
    await t.http().post('/api/articles/import').set(...bearer(mod.token)).send({ text: '[T]: x\n  + [S]: y\n' }).expect(400);
    const lone = await t.http().post('/api/articles/import?format=argdown').set(...bearer(mod.token)).send({ text: '[T]: Only a thesis.\n' }).expect(400);
    expect(lone.body.code).toBe('ARTICLE_INVALID');
    const prose = await t.http().post('/api/articles/import?format=argdown').set(...bearer(mod.token)).send({ text: 'Just a sentence of prose, with no statements at all.' }).expect(400);
    expect(prose.body.code).toBe('ARTICLE_INVALID');
    expect(await count()).toBe(before);
  });
});
