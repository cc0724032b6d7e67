import type { ArticleDetail, ArticleSummary, AuthResponse } from '@agora/shared';
import { bearer, registerAdmin, startTestApp, type TestApp } from './support/test-app';

/** An article's source, author, date and licence: from its front matter, or given at import, which wins. */
describe('article metadata (e2e)', () => {
  let t: TestApp;
  let admin: AuthResponse;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await registerAdmin(t, 'admin');
  });
  afterAll(() => t.close());

  const importArticle = (body: object) => t.http().post('/api/articles').set(...bearer(admin.token)).send(body);
  const text = '---\ntitle: Talks stall\nauthor: Jane Roe\ndate: 2014-06-20\nsource: https://example.org/talks\nlicense: CC BY 4.0\n---\n\nDiplomats met in Vienna. No date was set.\n\nThe talks resume in May.';

  it('reads the front matter, keeps it out of the paragraphs, and serves it in the list and the article', async () => {
    const created = await importArticle({ text }).expect(201);
    const detail = created.body as ArticleDetail;
    expect(detail.title).toBe('Talks stall');
    expect(detail.metadata).toEqual({ sourceUrl: 'https://example.org/talks', author: 'Jane Roe', publishedAt: '2014-06-20', licence: 'CC BY 4.0' });
    expect(detail.paragraphs.map((p) => p.text)).toEqual(['Diplomats met in Vienna. No date was set.', 'The talks resume in May.']);
    const listed = ((await t.http().get('/api/articles').expect(200)).body.items as ArticleSummary[]).find((a) => a.id === detail.id)!;
    expect(listed.metadata).toEqual(detail.metadata);
    // The seed article has no front matter: every field is known to be unknown.
    const seed = ((await t.http().get('/api/articles').expect(200)).body.items as ArticleSummary[]).find((a) => a.id !== detail.id)!;
    expect(seed.metadata).toEqual({ sourceUrl: null, author: null, publishedAt: null, licence: null });
  });

  it('lets the fields given at import win over the front matter', async () => {
    const res = await importArticle({ text: `${text}\n\nOne more line.`, metadata: { author: 'Desk Editor', publishedAt: '2014-06-21T11:30:00+02:00' } }).expect(201);
    expect((res.body as ArticleDetail).metadata).toEqual({ sourceUrl: 'https://example.org/talks', author: 'Desk Editor', publishedAt: '2014-06-21T09:30:00.000Z', licence: 'CC BY 4.0' });
  });

  it.each([
    [{ sourceUrl: 'javascript:alert(1)' }],
    [{ sourceUrl: 'not a url' }],
    [{ publishedAt: 'yesterday' }],
    [{ author: '' }],
    [{ author: 'bell \u0007' }],
    [{ licence: 'x'.repeat(301) }],
    [{ editor: 'someone' }],
  ])('refuses the metadata %j with a 400 and a message', async (metadata) => {
    const res = await importArticle({ text: 'Title\n\nA sentence here.', metadata });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(expect.any(String));
  });
});
