import { createHmac } from 'node:crypto';
import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

describe('accounts (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(() => t.close());

  it('makes the first account admin and later ones participants', async () => {
    const first = await registerUser(t, 'first');
    const second = await registerUser(t, 'second');
    expect(first.user.role).toBe('admin');
    expect(second.user.role).toBe('participant');
    expect(first.token).toEqual(expect.any(String));
  });

  it('refuses a username taken in another case with 409', async () => {
    await t.http().post('/api/auth/register').send({ username: 'CaseName', password: 'long enough pw' }).expect(201);
    const res = await t.http().post('/api/auth/register').send({ username: 'casename', password: 'long enough pw' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'USERNAME_TAKEN' });
  });

  it.each([
    [{ username: 'ab', password: 'long enough pw' }, 'username'],
    [{ username: 'has space', password: 'long enough pw' }, 'username'],
    [{ username: 'x'.repeat(33), password: 'long enough pw' }, 'username'],
    [{ username: 'validname', password: 'short' }, 'password'],
    [{ username: 'validname', password: 'long enough pw', role: 'admin' }, 'role'],
    [{ username: { $gt: '' }, password: 'long enough pw' }, 'username'],
  ])('rejects %j with 400 naming %s', async (body, field) => {
    const res = await t.http().post('/api/auth/register').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.message).toContain(field);
  });

  it('logs in with the right password only, and hashes it', async () => {
    const { user } = await registerUser(t, 'login');
    const ok = await t.http().post('/api/auth/login').send({ username: user.username.toUpperCase(), password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    const me = await t.http().get('/api/auth/me').set(...bearer(ok.body.token));
    expect(me.body).toMatchObject({ id: user.id, username: user.username, role: 'participant' });
    expect(JSON.stringify(me.body)).not.toContain('password');
    const wrong = await t.http().post('/api/auth/login').send({ username: user.username, password: 'not the password' });
    expect(wrong.status).toBe(401);
    const unknown = await t.http().post('/api/auth/login').send({ username: 'nobody_here', password: 'whatever123' });
    expect(unknown.status).toBe(401);
  });

  it('answers 401 to a missing, malformed or forged token', async () => {
    expect((await t.http().get('/api/auth/me')).status).toBe(401);
    expect((await t.http().get('/api/auth/me').set('Authorization', 'Token abc')).status).toBe(401);
    expect((await t.http().get('/api/auth/me').set(...bearer('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad'))).status).toBe(401);
  });

  it("accepts only HS256 tokens signed with the server's secret", async () => {
    const user = await registerUser(t, 'holder');
    expect((await t.http().get('/api/auth/me').set(...bearer(user.token))).status).toBe(200);
    const [header, payload, signature] = user.token.split('.');
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    // The same claims unsigned ('none'), under another algorithm's name, and signed with another secret.
    const forged = [`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}.${signature}`, `${header}.${payload}.${createHmac('sha256', 'not the secret').update(`${header}.${payload}`).digest('base64url')}`];
    for (const token of forged) expect((await t.http().get('/api/auth/me').set(...bearer(token))).status).toBe(401);
  });
});

describe('ADMIN_USERNAME (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ADMIN_USERNAME: 'the_boss' }, { seed: false });
  });
  afterAll(() => t.close());

  it('makes the named account admin, not the first', async () => {
    const first = await registerUser(t, 'early');
    const boss = await t.http().post('/api/auth/register').send({ username: 'The_Boss', password: 'long enough pw' });
    expect(first.user.role).toBe('participant');
    expect(boss.body.user.role).toBe('admin');
  });
});
