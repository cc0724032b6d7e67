import { connect } from 'node:net';
import { connectLive, type LiveClient } from './support/live-client';
import { bearer, registerAdmin, registerUser, startTestApp, type TestApp } from './support/test-app';

/** Sends a request's head and the first bytes of a body it declares `declared` bytes long; resolves with what the server answers first. */
function declareBody(baseUrl: string, path: string, declared: number, first: string): Promise<{ head: string; ms: number }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n${first}`);
    });
    let answer = '';
    socket.on('data', (d) => {
      answer += d.toString();
      if (answer.includes('\r\n\r\n')) {
        resolve({ head: answer, ms: Date.now() - started });
        socket.destroy();
      }
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref();
  });
}

describe('request limits (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
  });
  afterAll(() => t.close());

  it('refuses a 3 MB body to an unknown route from its Content-Length, before reading it', async () => {
    // Only the head and a few bytes are sent: an answer now means the body was never waited for, let alone parsed.
    const { head, ms } = await declareBody(t.baseUrl, '/api/no-such-route', 3 * 1024 * 1024, '{"a":');
    expect(head).toMatch(/^HTTP\/1\.1 413/);
    expect(ms).toBeLessThan(2000);
    const known = await declareBody(t.baseUrl, '/api/auth/login', 100 * 1024, '{"a":');
    expect(known.head).toMatch(/^HTTP\/1\.1 413/);
  });

  it('takes up to 2 MB on the article import only', async () => {
    const big = await t.http().post('/api/auth/login').send({ username: 'x', password: 'y'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const admin = await registerAdmin(t);
    const text = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} makes a claim about the world. It has a reason beneath it.`).join('\n\n');
    const article = await t.http().post('/api/articles').set(...bearer(admin.token)).send({ title: 'A long one', text: `${text}\n\n${'Filler words here. '.repeat(100)}`.padEnd(150_000, ' ') });
    expect(article.status).toBe(201);
    const tooBig = await t.http().post('/api/articles').set(...bearer(admin.token)).send({ title: 'Too big', text: 'word '.repeat(500_000) });
    expect(tooBig.status).toBe(413);
  });

  it('refuses a deeply nested body with 400 before parsing it', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    const health = await t.http().get('/api/health');
    expect(health.status).toBeLessThan(600);
  });

  it('caps an import in nodes with a clear 413', async () => {
    const admin = await registerAdmin(t, 'importer');
    const res = await t.http().post('/api/articles').set(...bearer(admin.token)).send({ title: 'Go', text: 'Go. '.repeat(50_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { nodes: expect.any(Number) } });
    expect(res.body.message).toMatch(/at most/);
  });
});

describe('registration limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WRITE_RATE_LIMIT: '60' }, { seed: false });
  });
  afterAll(() => t.close());

  it('lets a classroom behind one address sign up 60 accounts in an hour, not more', async () => {
    const stamp = Date.now().toString(36);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await t.http().post('/api/auth/register').send({ username: `pupil_${stamp}_${i}`, password: 'correct horse battery' })).status);
    expect(statuses.slice(0, 60)).toEqual(Array(60).fill(201));
    expect(statuses[60]).toBe(429);
  }, 300_000);
});

describe('session renewals behind one address (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WRITE_RATE_LIMIT: '3' }, { seed: false });
  });
  afterAll(() => t.close());
  const cookieOf = (res: { headers: Record<string, unknown> }): string => String((res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('agora_session='))).split(';')[0];

  // Every page a signed-in reader opens renews their session: readers sharing an address must not share
  // one reader's allowance for it, while a renewal without a session stays limited per address.
  it("renews each reader's session past one reader's allowance, and refuses sessionless ones past it", async () => {
    const stamp = Date.now().toString(36);
    const cookies: string[] = [];
    for (const name of ['r1', 'r2']) {
      const registered = await t.http().post('/api/auth/register').send({ username: `renew_${name}_${stamp}`, password: 'correct horse battery' }).expect(201);
      cookies.push(cookieOf(registered));
    }
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      for (const [k, cookie] of cookies.entries()) {
        const renewed = await t.http().post('/api/auth/refresh').set('cookie', cookie);
        statuses.push(renewed.status);
        if (renewed.status === 200) cookies[k] = cookieOf(renewed);
      }
    }
    expect(statuses).toEqual(Array(10).fill(200));
    const sessionless: number[] = [];
    for (let i = 0; i < 4; i++) sessionless.push((await t.http().post('/api/auth/refresh')).status);
    expect(sessionless).toEqual([401, 401, 401, 429]);
  });
});

describe('read limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ READ_RATE_LIMIT: '5' }, { seed: false });
  });
  afterAll(() => t.close());

  it('counts reads per IP, and leaves the health check alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.http().get('/api/articles')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await t.http().get('/api/articles');
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/reads/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) expect((await t.http().get('/api/health')).status).toBe(200);
  });
});

describe('live socket limits (e2e)', () => {
  let t: TestApp;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    t = await startTestApp({ LIVE_SOCKETS_PER_IP: '3', LIVE_SOCKETS_PER_USER: '1', LIVE_JOINS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t.close();
  });

  it('limits sockets per address and per account, and joins per socket', async () => {
    const articleId = (await t.http().get('/api/articles')).body.items[0].id as string;
    const { token } = await registerUser(t, 'viewer');
    const first = await connectLive(t.baseUrl, token);
    clients.push(first);
    // A second socket of the same account is closed once its token is checked.
    const second = await connectLive(t.baseUrl, token);
    clients.push(second);
    await new Promise<void>((resolve) => (second.socket.disconnected ? resolve() : second.socket.once('disconnect', () => resolve())));
    clients.push(await connectLive(t.baseUrl), await connectLive(t.baseUrl));
    // The address now holds three: a fourth is refused before it connects.
    await expect(connectLive(t.baseUrl)).rejects.toThrow(/Too many live connections/);
    const acks = [await first.join(articleId), await first.join(articleId), await first.join(articleId), await first.join(articleId)];
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, false]);
    expect(acks[3]).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // A place is given back when a socket closes.
    clients.pop()?.close();
    await new Promise((r) => setTimeout(r, 200));
    clients.push(await connectLive(t.baseUrl));
  });
});
