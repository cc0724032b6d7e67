import type { AifDocument, ArgumentNode, ArticleSummary, DebateExport } from '@agora/shared';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

describe('debate export (e2e)', () => {
  let t: TestApp;
  let article: ArticleSummary;
  let reply: ArgumentNode;

  beforeAll(async () => {
    t = await startTestApp();
    const ann = await registerUser(t, 'ann');
    article = (await t.http().get('/api/articles').expect(200)).body.items[0];
    reply = (await t.http().post(`/api/articles/${article.id}/paragraphs/2/replies`).set(...bearer(ann.token)).send({ type: 'rebuttal', text: 'The [figures] are #disputed: see @UN.' }).expect(201)).body;
  });
  afterAll(() => t.close());

  it('exports Agora’s JSON with every public argument, as a file', async () => {
    const res = await t.http().get(`/api/articles/${article.id}/export`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"$/);
    const debate = JSON.parse(res.text) as DebateExport;
    expect(debate.article).toMatchObject({ id: article.id, title: article.title });
    expect(debate.nodes[0]).toMatchObject({ parentId: null, relation: null });
    expect(debate.nodes.find((n) => n.id === reply.id)).toMatchObject({ relation: 'attacks', authorName: expect.any(String), text: reply.text });
    expect(debate.nodes.length).toBe(new Set(debate.nodes.map((n) => n.id)).size);
  });

  it('exports Argdown that @argdown/core parses back, and AIF', async () => {
    const argdown = await t.http().get(`/api/articles/${article.id}/export?format=argdown`).expect(200);
    expect(argdown.headers['content-disposition']).toMatch(/\.argdown"$/);
    const run = spawnSync(process.execPath, [join(__dirname, '../../../libs/shared/src/testing/parse-argdown.mjs')], { input: argdown.text, encoding: 'utf8' });
    const parsed = JSON.parse(run.stdout) as { errors: string[]; statements: Record<string, { text: string }>; relations: string[] };
    expect(parsed.errors).toEqual([]);
    expect(Object.values(parsed.statements).map((s) => s.text)).toContain(reply.text);
    const aif = (await t.http().get(`/api/articles/${article.id}/export?format=aif`).expect(200)).body as AifDocument;
    expect(aif.nodes.filter((n) => n.type === 'I').map((n) => n.text)).toContain(reply.text);
    expect(aif.nodes.some((n) => n.type === 'CA')).toBe(true);
    expect(Object.keys(parsed.statements)).toHaveLength(aif.nodes.filter((n) => n.type === 'I').length);
  });

  it('refuses an unknown format and an unknown article', async () => {
    expect((await t.http().get(`/api/articles/${article.id}/export?format=pdf`)).status).toBe(400);
    expect((await t.http().get(`/api/articles/${'0'.repeat(24)}/export`)).status).toBe(404);
  });
});
