import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

describe('security (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends a Content-Security-Policy that allows no inline or foreign script', async () => {
    const res = await t.http().get('/api/health');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('stores hostile markup verbatim and serves it only as JSON text', async () => {
    const { token } = await registerUser(t, 'x');
    const article = (await t.http().get('/api/articles')).body.items[0];
    const evil = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const res = await t.http().post(`/api/articles/${article.id}/paragraphs/0/replies`).set(...bearer(token)).send({ type: 'support', text: evil });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.text).toBe(evil);
  });

  it('never returns password hashes', async () => {
    const { token, user } = await registerUser(t, 'y');
    const bodies = [
      (await t.http().get('/api/auth/me').set(...bearer(token))).text,
      (await t.http().post('/api/auth/login').send({ username: user.username, password: 'correct horse battery' })).text,
    ];
    for (const body of bodies) expect(body).not.toMatch(/passwordHash|\$argon2/);
  });
});
