import type { ArticleDetail } from '@agora/shared';
import { connectLive, type LiveClient } from './support/live-client';
import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

const TOKEN = 'metrics-token-for-the-e2e-test';
/** A client relayed by a reverse proxy on this machine: Express (trust proxy: loopback) sees its own address. */
const REMOTE = ['X-Forwarded-For', '203.0.113.9'] as const;

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('GET /api/metrics', () => {
  let t: TestApp;
  let live: LiveClient | undefined;
  const scrape = async () => (await t.http().get('/api/metrics').expect(200)).text;

  beforeAll(async () => {
    // Behind a proxy on loopback, as deployed: X-Forwarded-For names the remote client.
    t = await startTestApp({ METRICS_TOKEN: TOKEN, REDIS_URL: 'redis://127.0.0.1:6379', TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    live?.close();
    await t.close();
  });

  it('serves every Agora metric in Prometheus text format to loopback', async () => {
    const res = await t.http().get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    for (const name of [
      'agora_http_request_duration_seconds',
      'agora_rate_limit_refusals_total',
      'agora_live_events_published_total',
      'agora_live_events_delivered_total',
      'agora_live_delivery_lag_seconds',
      'agora_live_sockets',
      'agora_live_rooms',
      'agora_database_up',
      'agora_redis_up',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(res.text).toContain(`# TYPE ${name} `);
    }
    expect(sample(res.text, 'agora_database_up')).toBe(1);
    expect(sample(res.text, 'agora_redis_up')).toBe(1);
  });

  it('refuses a remote client without the token, or with a wrong one, in the shared error shape', async () => {
    const none = await t.http().get('/api/metrics').set(...REMOTE).expect(403);
    expect(none.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: expect.stringContaining('METRICS_TOKEN') });
    await t.http().get('/api/metrics').set(...REMOTE).set(...bearer(`${TOKEN}-wrong`)).expect(403);
    const allowed = await t.http().get('/api/metrics').set(...REMOTE).set(...bearer(TOKEN)).expect(200);
    expect(allowed.text).toContain('agora_database_up 1');
  });

  it('counts requests by route pattern and status, never by raw URL', async () => {
    const { items } = (await t.http().get('/api/articles').expect(200)).body as { items: { id: string }[] };
    await t.http().get(`/api/articles/${items[0].id}`).expect(200);
    await t.http().get('/api/articles/0123456789abcdef01234567').expect(404);
    const text = await scrape();
    expect(sample(text, 'agora_http_request_duration_seconds_count', 'method="GET",route="/api/articles",status="200"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'agora_http_request_duration_seconds_count', 'method="GET",route="/api/articles/:id",status="200"')).toBe(1);
    expect(sample(text, 'agora_http_request_duration_seconds_count', 'method="GET",route="/api/articles/:id",status="404"')).toBe(1);
    expect(text).not.toContain(items[0].id);
  });

  it('counts open sockets and rooms, events published and delivered, and their delivery lag', async () => {
    await registerUser(t, 'admin');
    const writer = await registerUser(t, 'writer');
    const { items } = (await t.http().get('/api/articles').expect(200)).body as { items: { id: string }[] };
    const article = (await t.http().get(`/api/articles/${items[0].id}`).expect(200)).body as ArticleDetail;
    live = await connectLive(t.baseUrl);
    await live.join(article.id);
    let text = await scrape();
    expect(sample(text, 'agora_live_sockets')).toBe(1);
    expect(sample(text, 'agora_live_rooms')).toBe(1);

    await t.http().post(`/api/articles/${article.id}/paragraphs/1/replies`).set(...bearer(writer.token)).send({ type: 'rebuttal', text: 'Counted once' }).expect(201);
    await live.waitFor((e) => e.name === 'node:created');
    text = await scrape();
    expect(sample(text, 'agora_live_events_published_total', 'event="node:created"')).toBe(1);
    expect(sample(text, 'agora_live_events_delivered_total', 'event="node:created"')).toBe(1);
    expect(sample(text, 'agora_live_delivery_lag_seconds_count')).toBeGreaterThanOrEqual(1);

    live.close();
    for (let i = 0; i < 50 && sample(await scrape(), 'agora_live_sockets') !== 0; i++) await new Promise((r) => setTimeout(r, 50));
    text = await scrape();
    expect(sample(text, 'agora_live_sockets')).toBe(0);
    expect(sample(text, 'agora_live_rooms')).toBe(0);
  });
});

describe('GET /api/metrics: rate limits, and an instance without Redis', () => {
  let t: TestApp;
  beforeAll(async () => {
    // No Redis: this instance's rate-limit counters are its own, untouched by other test runs.
    t = await startTestApp({ WRITE_RATE_LIMIT: '1' });
  });
  afterAll(async () => t.close());

  it('counts refusals by route, and leaves out agora_redis_up', async () => {
    const register = (name: string) => t.http().post('/api/auth/register').send({ username: name, password: 'correct horse battery' });
    await register('first_one').expect(201);
    await register('second_one').expect(429);
    const text = (await t.http().get('/api/metrics').expect(200)).text;
    expect(sample(text, 'agora_rate_limit_refusals_total', 'route="/api/auth/register"')).toBe(1);
    expect(sample(text, 'agora_redis_up')).toBeUndefined();
  });
});
