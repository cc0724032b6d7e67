import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { getConnectionToken } from '@nestjs/mongoose';
import type { AuthResponse } from '@agora/shared';
import type { Connection } from 'mongoose';
import { UsersRepository } from '../src/modules/users/users.repository';
import { bearer, registerAdmin, registerUser, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const STRONG = 'long-enough-Pw-91x';

describe('accounts (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(() => t.close());

  it('makes no admin by registering, not even when 8 register at once on a fresh database', async () => {
    const u = await startTestApp({}, { seed: false });
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => u.http().post('/api/auth/register').send({ username: `race_${i}_${Date.now().toString(36)}`, password: STRONG })));
      expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
      expect(answers.map((r) => (r.body as AuthResponse).user.role)).toEqual(Array(8).fill('participant'));
      expect(await u.app.get(UsersRepository).countByRole('admin')).toBe(0);
    } finally {
      await u.close();
    }
  });

  it('refuses common and guessable passwords with 400', async () => {
    for (const password of ['password', '12345678', 'qwertyuiop', 'passw0rd!']) {
      const res = await t.http().post('/api/auth/register').send({ username: `weak_${Date.now().toString(36)}`, password });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION', details: { field: 'password' } });
    }
    const own = await t.http().post('/api/auth/register').send({ username: 'jane_doe_writer', password: 'jane_doe_writer1' });
    expect(own.status).toBe(400);
  });

  it('refuses a username taken in another case with 409', async () => {
    await t.http().post('/api/auth/register').send({ username: 'CaseName', password: STRONG }).expect(201);
    const res = await t.http().post('/api/auth/register').send({ username: 'casename', password: STRONG });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'USERNAME_TAKEN' });
  });

  it.each([
    [{ username: 'ab', password: STRONG }, 'username'],
    [{ username: 'has space', password: STRONG }, 'username'],
    [{ username: 'x'.repeat(33), password: STRONG }, 'username'],
    [{ username: 'validname', password: 'short' }, 'password'],
    [{ username: 'validname', password: STRONG, role: 'admin' }, 'role'],
    [{ username: { $gt: '' }, password: STRONG }, 'username'],
  ])('rejects %j with 400 naming %s', async (body, field) => {
    const res = await t.http().post('/api/auth/register').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.message).toContain(field);
  });

  it('logs in with the right password only, and hashes it', async () => {
    const { user } = await registerUser(t, 'login');
    const ok = await t.http().post('/api/auth/login').send({ username: user.username.toUpperCase(), password: TEST_PASSWORD });
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

describe('sessions (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(() => t.close());
  const me = (token: string) => t.http().get('/api/auth/me').set(...bearer(token));
  const login = (username: string, password = TEST_PASSWORD) => t.http().post('/api/auth/login').send({ username, password });

  it('logs out everywhere: every token of the account is refused afterwards', async () => {
    const { token, user } = await registerUser(t, 'leaver');
    const other = (await login(user.username).expect(200)).body.token as string;
    // Used once first, so its checked signature is remembered: revocation must not depend on that.
    expect((await me(other)).status).toBe(200);
    const [header, , signature] = other.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: user.id, tv: 0, exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    expect((await me(forged)).status).toBe(401);
    await t.http().post('/api/auth/logout').set(...bearer(token)).expect(204);
    expect((await me(token)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
    const again = (await login(user.username).expect(200)).body.token as string;
    expect((await me(again)).status).toBe(200);
    expect((await t.http().post('/api/auth/logout')).status).toBe(401);
  });

  it('changes a password only with the current one, refuses a weak one, and revokes older tokens', async () => {
    const { token, user } = await registerUser(t, 'changer');
    const send = (body: object, as = token) => t.http().post('/api/auth/password').set(...bearer(as)).send(body);
    expect((await send({ currentPassword: 'not it at all', newPassword: 'a-Fresh-passphrase-77' })).status).toBe(401);
    expect((await send({ currentPassword: TEST_PASSWORD, newPassword: 'password1' })).status).toBe(400);
    const changed = await send({ currentPassword: TEST_PASSWORD, newPassword: 'a-Fresh-passphrase-77' });
    expect(changed.status).toBe(200);
    expect((await me(token)).status).toBe(401);
    expect((await me(changed.body.token)).status).toBe(200);
    expect((await login(user.username)).status).toBe(401);
    expect((await login(user.username, 'a-Fresh-passphrase-77')).status).toBe(200);
  });

  it('locks an account after many wrong passwords, whatever addresses they come from', async () => {
    // Behind a trusted proxy, so that every guess arrives from a different client address.
    const u = await startTestApp({ TRUST_PROXY: 'loopback', WRITE_RATE_LIMIT: '50', LOGIN_BACKOFF_MAX_SECONDS: '900' }, { seed: false });
    try {
      const { user } = await registerUser(u, 'target');
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) {
        const res = await u.http().post('/api/auth/login').set('X-Forwarded-For', `203.0.113.${i}`).send({ username: user.username, password: `guess number ${i}` });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(80);
      // Locked: even the right password is not tried, from a fresh address.
      const right = await u.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.7').send({ username: user.username, password: TEST_PASSWORD });
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('RATE_LIMITED');
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await u.close();
    }
  });

  it('does not believe X-Forwarded-For unless TRUST_PROXY says so', async () => {
    const u = await startTestApp({ WRITE_RATE_LIMIT: '3' }, { seed: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await u.http().post('/api/auth/login').set('X-Forwarded-For', `203.0.113.${i}`).send({ username: 'nobody_at_all', password: 'whatever it is' })).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await u.close();
    }
  });
});

describe('admins (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(() => t.close());
  const setRole = (id: string, role: string, token: string) => t.http().post(`/api/admin/users/${id}/role`).set(...bearer(token)).send({ role });

  it('are made by the operator, and the last admin cannot be demoted', async () => {
    const first = await registerAdmin(t, 'boss');
    expect(first.user.role).toBe('admin');
    expect((await setRole(first.user.id, 'participant', first.token)).status).toBe(403);
    const second = await registerAdmin(t, 'deputy');
    expect((await setRole(second.user.id, 'moderator', first.token)).status).toBe(200);
    expect((await setRole(first.user.id, 'participant', first.token)).status).toBe(403);
    expect((await t.app.get(UsersRepository).findById(first.user.id))?.role).toBe('admin');
  });

  it('never leave zero admins when two demote each other at once', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = [await registerAdmin(t, `pa${round}`), await registerAdmin(t, `pb${round}`)];
      const users = t.app.get(UsersRepository);
      // Every other admin steps down first, so that these two are the last.
      for (const id of (await adminIds(t)).filter((id) => id !== a.user.id && id !== b.user.id)) await setRole(id, 'participant', a.token).expect(200);
      const answers = await Promise.all([setRole(b.user.id, 'participant', a.token), setRole(a.user.id, 'participant', b.token)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 403]);
      expect(await users.countByRole('admin')).toBe(1);
    }
  });

  it('npm run admin -- promote reaches the database and says what it did', () => {
    const cli = join(__dirname, '../dist/admin-cli.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, MONGODB_URI: t.config.mongoUri, DATA_DIR: t.config.DATA_DIR, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    expect(run().status).toBe(2);
    expect(run('promote', 'nobody_such').status).toBe(1);
    return registerUser(t, 'viacli').then(async ({ user, token }) => {
      const done = run('promote', user.username);
      expect(done.status).toBe(0);
      expect(done.stdout).toContain('is now an admin');
      // The promotion revoked the old token; a new sign-in is an admin.
      expect((await t.http().get('/api/auth/me').set(...bearer(token))).status).toBe(401);
      const again = await t.http().post('/api/auth/login').send({ username: user.username, password: TEST_PASSWORD }).expect(200);
      expect(again.body.user.role).toBe('admin');
      expect(run('promote', user.username).stdout).toContain('already an admin');
    });
  });
});

describe('sessions: short access tokens renewed by an httpOnly cookie (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(() => t.close());
  const cookieOf = (res: { headers: Record<string, unknown> }): string => {
    const set = (res.headers['set-cookie'] as string[] | undefined)?.find((c) => c.startsWith('agora_session='));
    if (!set) throw new Error('no session cookie set');
    return set.split(';')[0];
  };
  const refresh = (cookie?: string) => (cookie ? t.http().post('/api/auth/refresh').set('cookie', cookie) : t.http().post('/api/auth/refresh'));
  const me = (token: string) => t.http().get('/api/auth/me').set(...bearer(token));
  const login = (username: string, password = TEST_PASSWORD) => t.http().post('/api/auth/login').send({ username, password }).expect(200);

  it('sets a cookie no script can read, sent only to the auth routes, and renews it once per use', async () => {
    const { user } = await registerUser(t, 'cookie_ann');
    const signedIn = await login(user.username);
    const header = (signedIn.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('agora_session='))!;
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\/api\/auth/);
    const first = cookieOf(signedIn);
    const renewed = await refresh(first).expect(200);
    expect((await me(renewed.body.token).expect(200)).body.username).toBe(user.username);
    const second = cookieOf(renewed);
    expect(second).not.toBe(first);
    // The cookie already used renews nothing again (a copy used after its owner's is refused), and is cleared.
    const replayed = await refresh(first);
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe('UNAUTHENTICATED');
    expect(String(replayed.headers['set-cookie'])).toMatch(/agora_session=;/);
    await refresh(second).expect(200);
  });

  it('refuses a renewal without a session, with 401 JSON', async () => {
    for (const res of [await refresh(), await refresh('agora_session=not-a-session'), await refresh(`agora_session=${'A'.repeat(43)}`)]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('signs out one device, all devices, and ends other sessions on a new password', async () => {
    const { user } = await registerUser(t, 'cookie_ben');
    const phone = cookieOf(await login(user.username));
    const laptop = await login(user.username);
    // One device: its session ends, the other's goes on.
    await t.http().delete('/api/auth/session').set('cookie', phone).expect(204);
    expect((await refresh(phone)).status).toBe(401);
    const laptopRenewed = await refresh(cookieOf(laptop)).expect(200);
    // Everywhere: every session ends with every token.
    const tablet = cookieOf(await login(user.username));
    await t.http().post('/api/auth/logout').set(...bearer(laptopRenewed.body.token)).expect(204);
    expect((await refresh(cookieOf(laptopRenewed))).status).toBe(401);
    expect((await refresh(tablet)).status).toBe(401);
    // A new password: the other sessions end; the one that changed it carries on with its new cookie.
    const desk = cookieOf(await login(user.username));
    const changing = await login(user.username);
    const changed = await t.http().post('/api/auth/password').set(...bearer(changing.body.token)).send({ currentPassword: TEST_PASSWORD, newPassword: STRONG }).expect(200);
    expect((await refresh(desk)).status).toBe(401);
    await refresh(cookieOf(changed)).expect(200);
  });
});

async function adminIds(t: TestApp): Promise<string[]> {
  const docs = await t.app.get<Connection>(getConnectionToken()).collection('users').find({ role: 'admin' }, { projection: { _id: 1 } }).toArray();
  return docs.map((d) => String(d._id));
}
