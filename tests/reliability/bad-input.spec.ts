import {
  appealSchema,
  appealsQuerySchema,
  auditQuerySchema,
  decideAppealSchema,
  moderatorNoteSchema,
  userDirectoryQuerySchema,
  banSchema,
  childrenQuerySchema,
  credentialsSchema,
  passwordChangeSchema,
  editNodeSchema,
  exportQuerySchema,
  ERROR_CODES,
  flagSchema,
  importArticleSchema,
  importQuerySchema,
  attachOrphanSchema,
  reviseArticleSchema,
  lockSchema,
  markNotificationsReadSchema,
  notificationsQuerySchema,
  loginSchema,
  moderateNodeSchema,
  nodeReplySchema,
  objectIdSchema,
  paragraphParamsSchema,
  paragraphReplySchema,
  pinSchema,
  queueQuerySchema,
  roleChangeSchema,
  searchQuerySchema,
  slowModeSchema,
  suspendSchema,
  unbanSchema,
  voteSchema,
  type ArgumentNode,
} from '@agora/shared';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import type { Response } from 'supertest';
import { bearer, registerAdmin, registerUser, startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { openDirect, type DirectDb } from './support/direct-db';
import {
  deepValue,
  encodePart,
  hostileUrlText,
  injectionText,
  operatorObject,
  rawSegment,
  unicodeEdge,
  unknownKey,
  wellFormed,
  withKey,
  withoutKey,
  wrongValue,
} from './support/hostile-values';
import { idKind, servedRoutes, type Method } from './support/routes';

/**
 * Property-based fuzzing of every endpoint's path parameters, body and query with inputs the schemas
 * refuse: wrong types, huge strings, deep objects, MongoDB operators, invalid ids, hostile Unicode, as
 * an anonymous reader, a participant and an admin. Every answer must be a 4xx in the one JSON error
 * shape, promptly, and the database must not change at all. Only invalid inputs are generated (each
 * candidate is checked against the same zod schema the API uses, after the JSON or URL round trip the
 * server sees), so no write can legitimately happen.
 */
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 40);
const ANSWER_WITHIN_MS = 10_000;

/** What the fuzzer needs of a zod schema: to tell valid from invalid as the API will. */
interface Schema {
  safeParse(value: unknown): { success: boolean };
}

interface Endpoint {
  method: Method;
  route: string;
  body?: Schema;
  /** A valid body, which the fuzzer spoils one way at a time. */
  valid?: Record<string, unknown>;
  query?: Schema & { shape: Record<string, unknown> };
}

const ENDPOINTS: Endpoint[] = [
  { method: 'post', route: '/api/auth/register', body: credentialsSchema, valid: { username: 'valid_name', password: 'long enough password' } },
  { method: 'post', route: '/api/auth/login', body: loginSchema, valid: { username: 'someone', password: 'whatever1' } },
  { method: 'get', route: '/api/auth/me' },
  { method: 'get', route: '/api/articles' },
  { method: 'post', route: '/api/articles', body: importArticleSchema, valid: { title: 'A title', text: 'One sentence. Another one.' } },
  { method: 'get', route: '/api/articles/:id' },
  { method: 'get', route: '/api/articles/:id/tree' },
  { method: 'get', route: '/api/articles/:id/my-votes' },
  { method: 'post', route: '/api/articles/import', body: importArticleSchema, valid: { text: '[T]: A thesis.' }, query: importQuerySchema },
  { method: 'post', route: '/api/articles/:id/revisions', body: reviseArticleSchema, valid: { text: 'One sentence. Another one.' } },
  { method: 'get', route: '/api/articles/:id/revisions' },
  { method: 'get', route: '/api/articles/:id/revisions/:revision' },
  { method: 'get', route: '/api/articles/:id/orphans' },
  { method: 'post', route: '/api/articles/:id/orphans/:nodeId/attach', body: attachOrphanSchema, valid: { paragraphIndex: 0, quote: { exact: 'the' } } },
  { method: 'get', route: '/api/articles/:id/perspectives' },
  { method: 'post', route: '/api/articles/:id/paragraphs/:index/replies', body: paragraphReplySchema, valid: { type: 'support', text: 'A reply.', quote: { exact: 'the' } } },
  { method: 'get', route: '/api/nodes/:id' },
  { method: 'get', route: '/api/nodes/:id/children', query: childrenQuerySchema },
  { method: 'get', route: '/api/nodes/:id/strength' },
  { method: 'get', route: '/api/nodes/:id/history' },
  { method: 'post', route: '/api/nodes/:id/replies', body: nodeReplySchema, valid: { type: 'rebuttal', text: 'A reply.' } },
  { method: 'patch', route: '/api/nodes/:id', body: editNodeSchema, valid: { text: 'New text.' } },
  { method: 'delete', route: '/api/nodes/:id' },
  { method: 'put', route: '/api/nodes/:id/vote', body: voteSchema, valid: { value: 3 } },
  { method: 'delete', route: '/api/nodes/:id/vote' },
  { method: 'get', route: '/api/nodes/:id/my-vote' },
  { method: 'post', route: '/api/nodes/:id/flags', body: flagSchema, valid: { reason: 'spam', note: 'A note.' } },
  { method: 'get', route: '/api/moderation/queue', query: queueQuerySchema },
  { method: 'get', route: '/api/moderation/audit', query: auditQuerySchema },
  { method: 'post', route: '/api/moderation/nodes/:id', body: moderateNodeSchema, valid: { action: 'hide', reason: 'A reason.' } },
  { method: 'post', route: '/api/moderation/nodes/:id/lock', body: lockSchema, valid: { locked: true, reason: 'A reason.' } },
  { method: 'post', route: '/api/moderation/nodes/:id/slow-mode', body: slowModeSchema, valid: { seconds: 60, reason: 'A reason.' } },
  { method: 'post', route: '/api/moderation/nodes/:id/pin', body: pinSchema, valid: { pinned: true, reason: 'A reason.' } },
  { method: 'post', route: '/api/moderation/articles/:id/lock', body: lockSchema, valid: { locked: true, reason: 'A reason.' } },
  { method: 'post', route: '/api/moderation/users/:id/suspend', body: suspendSchema, valid: { until: '2030-01-01T00:00:00Z', reason: 'A reason.' } },
  { method: 'post', route: '/api/moderation/users/:id/ban', body: banSchema, valid: { reason: 'A reason.' } },
  { method: 'post', route: '/api/moderation/users/:id/unban', body: unbanSchema, valid: { reason: 'A reason.' } },
  { method: 'get', route: '/api/moderation/users', query: userDirectoryQuerySchema },
  { method: 'get', route: '/api/moderation/users/:id' },
  { method: 'get', route: '/api/moderation/users/:id/notes' },
  { method: 'post', route: '/api/moderation/users/:id/notes', body: moderatorNoteSchema, valid: { text: 'A note.' } },
  { method: 'post', route: '/api/nodes/:id/appeal', body: appealSchema, valid: { statement: 'A statement.' } },
  { method: 'get', route: '/api/moderation/appeals', query: appealsQuerySchema },
  { method: 'post', route: '/api/moderation/appeals/:id', body: decideAppealSchema, valid: { outcome: 'uphold', reason: 'A reason.' } },
  { method: 'post', route: '/api/admin/users/:id/role', body: roleChangeSchema, valid: { role: 'moderator', reason: 'A reason.' } },
  { method: 'get', route: '/api/health' },
  { method: 'get', route: '/api/notifications', query: notificationsQuerySchema },
  { method: 'post', route: '/api/notifications/read', body: markNotificationsReadSchema, valid: { all: true } },
  { method: 'get', route: '/api/users/:username' },
  { method: 'get', route: '/api/search', query: searchQuerySchema },
  { method: 'get', route: '/api/metrics' },
  { method: 'get', route: '/api/articles/:id/export', query: exportQuerySchema },
  { method: 'post', route: '/api/auth/logout' },
  { method: 'post', route: '/api/auth/refresh' },
  { method: 'delete', route: '/api/auth/session' },
  { method: 'post', route: '/api/auth/password', body: passwordChangeSchema, valid: { currentPassword: 'not the password', newPassword: 'a-Fresh-passphrase-77' } },
];

const ERROR_CODE_VALUES = new Set<string>(Object.values(ERROR_CODES));
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

describe('bad input to every endpoint', () => {
  let t: TestApp;
  let direct: DirectDb;
  let ids: Record<'article' | 'node' | 'user', string>;
  let tokens: (string | null)[];
  let fingerprint: string;
  let sent = 0;
  const who = () => fc.constantFrom(0, 1, 2);

  beforeAll(async () => {
    // Derived figures are stored in rounds at least FIGURES_LINGER_MS apart: a short linger lets the
    // fingerprint settle within its 300 ms window (see settledFingerprint).
    t = await startTestApp({ FIGURES_LINGER_MS: '50' });
    direct = await openDirect(t.config.mongoUri);
    const admin = await registerAdmin(t);
    const participant = await registerUser(t, 'reader');
    const target = await registerUser(t, 'target');
    const article = (await t.http().get('/api/articles').expect(200)).body.items[0].id as string;
    const node = (await t.http().post(`/api/articles/${article}/paragraphs/1/replies`).set(...bearer(participant.token)).send({ type: 'support', text: 'Fuzzing target.' }).expect(201)).body as ArgumentNode;
    ids = { article, node: node.id, user: target.user.id };
    tokens = [null, participant.token, admin.token];
    fingerprint = await settledFingerprint(direct);
  }, 120_000);

  afterAll(async () => {
    console.log(`bad input: ${sent} requests, every one refused with a 4xx in the error shape`);
    await direct?.close();
    await t?.close();
  });

  /** Sends one request; returns the answer after checking the rules every bad input must meet. */
  async function expectRefused(method: Method, path: string, opts: { token?: string | null; rawBody?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    let req = t.http()[method](path).timeout(ANSWER_WITHIN_MS);
    if (opts.token) req = req.set(...bearer(opts.token));
    for (const [k, v] of Object.entries(opts.headers ?? {})) req = req.set(k, v);
    if (opts.rawBody !== undefined) req = req.set('content-type', opts.contentType ?? 'application/json').send(opts.rawBody);
    const res = await req;
    sent++;
    const what = `${method.toUpperCase()} ${path.slice(0, 200)} -> ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    if (res.status < 400 || res.status >= 500) throw new Error(`not a 4xx: ${what}`);
    if (!/application\/json/.test(String(res.headers['content-type']))) throw new Error(`not JSON: ${what} (${res.headers['content-type']})`);
    const body = res.body as Record<string, unknown>;
    const shapeOk =
      body.statusCode === res.status &&
      typeof body.error === 'string' &&
      typeof body.message === 'string' &&
      ERROR_CODE_VALUES.has(body.code as string) &&
      Object.keys(body).every((k) => ['statusCode', 'error', 'code', 'message', 'details'].includes(k));
    if (!shapeOk) throw new Error(`not the error shape: ${what}`);
    return res;
  }

  const pathFor = (e: Endpoint, over: { id?: string; index?: string } = {}): string =>
    e.route.replace(':id', over.id ?? ids[idKind(e.route)]).replace(':username', over.id ?? 'no-such-reader').replace(':index', over.index ?? '1').replace(':nodeId', ids.node).replace(':revision', '0');

  it('covers every route the API serves', () => {
    const table = ENDPOINTS.map((e) => `${e.method.toUpperCase()} ${e.route}`).sort();
    expect(table).toEqual(servedRoutes(t.app).filter((r) => !r.includes('/api/docs')));
  });

  describe.each(ENDPOINTS.map((e) => [`${e.method.toUpperCase()} ${e.route}`, e] as const))('%s', (_, e) => {
    const validBody = () => (e.valid ? JSON.stringify(e.valid) : undefined);

    if (e.route.includes(':')) {
      it('refuses invalid path parameters', async () => {
        const invalidId = fc.oneof(
          hostileUrlText,
          fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 30 }),
          fc.string({ minLength: 24, maxLength: 24 }),
          operatorObject.map((o) => JSON.stringify(o)),
        );
        const encoded = fc.oneof(
          { weight: 4, arbitrary: invalidId.filter((s) => s !== '' && !objectIdSchema.safeParse(wellFormed(s)).success).map(encodePart) },
          { weight: 1, arbitrary: rawSegment },
        );
        const index = fc
          .oneof(hostileUrlText, fc.integer({ min: -1e9, max: -1 }).map(String), fc.integer({ min: 100_001 }).map(String), fc.double().map(String))
          .filter((s) => s !== '' && !paragraphParamsSchema.safeParse({ id: ids.article, index: wellFormed(s) }).success)
          .map(encodePart);
        const badParams = e.route.includes(':index')
          ? fc.oneof(encoded.map((id) => ({ id })), index.map((i) => ({ index: i })))
          : encoded.map((id) => ({ id }));
        await fc.assert(
          fc.asyncProperty(badParams, who(), async (over, w) => {
            await expectRefused(e.method, pathFor(e, over), { token: tokens[w], rawBody: validBody() });
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
      });
    }

    if (e.body && e.valid) {
      const schema = e.body;
      const base = e.valid;
      it('refuses invalid bodies', async () => {
        const keys = Object.keys(base);
        const body = fc
          .oneof(
            { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...keys), wrongValue).map(([k, v]) => withKey(base, k, v)) },
            { weight: 2, arbitrary: fc.tuple(unknownKey, fc.oneof(fc.jsonValue({ maxDepth: 2 }), operatorObject)).map(([k, v]) => withKey(base, k, v)) },
            { weight: 1, arbitrary: fc.constantFrom(...keys).map((k) => withoutKey(base, k)) },
            { weight: 1, arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 3 }), operatorObject, deepValue) },
            { weight: 1, arbitrary: fc.dictionary(fc.oneof(unknownKey, fc.constantFrom(...keys)), wrongValue, { minKeys: 1, maxKeys: 4 }) },
          )
          .map(roundTrip)
          .filter((b) => !schema.safeParse(b).success);
        await fc.assert(
          fc.asyncProperty(body, who(), async (b, w) => {
            await expectRefused(e.method, pathFor(e), { token: tokens[w], rawBody: JSON.stringify(b) });
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
      });
    }

    if (e.query) {
      const schema = e.query;
      it('refuses invalid query strings', async () => {
        const known = Object.keys(schema.shape);
        const value = fc.oneof(hostileUrlText, injectionText, unicodeEdge, fc.constantFrom('-1', '0', '201', '1.5', '1e3', '', 'Infinity', 'strength ', 'NEW'));
        const pair = fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: unknownKey }), value);
        const query = fc
          .array(pair, { minLength: 1, maxLength: 4 })
          .map((pairs) => pairs.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&'))
          .filter((qs) => !schema.safeParse(parseQuery(qs)).success);
        await fc.assert(
          fc.asyncProperty(query, who(), async (qs, w) => {
            await expectRefused(e.method, `${pathFor(e)}?${qs}`, { token: tokens[w] });
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
      });
    }

    it('leaves the database exactly as it was', async () => {
      expect(await databaseFingerprint(direct)).toBe(fingerprint);
    });
  });

  it('refuses malformed, mistyped and oversized bodies in the one error shape', async () => {
    const writes = ENDPOINTS.filter((e) => e.body);
    const raw = ['{"type":', '{type: support}', "{'text': 'x'}", '[', '"unterminated', '{"a":1}{"b":2}', 'null', '12', '"just a string"', '\u0000', '{"text":"\\ud800"}x'];
    for (const e of writes) {
      for (const rawBody of raw) await expectRefused(e.method, pathFor(e), { token: tokens[2], rawBody });
      await expectRefused(e.method, pathFor(e), { token: tokens[2], rawBody: JSON.stringify(e.valid), contentType: 'text/plain' });
      await expectRefused(e.method, pathFor(e), { token: tokens[2], rawBody: 'text=hello&type=support', contentType: 'application/x-www-form-urlencoded' });
    }
    const huge = JSON.stringify({ title: 'Huge', text: 'word '.repeat(900_000) });
    const tooLarge = await expectRefused('post', '/api/articles', { token: tokens[2], rawBody: huge });
    expect(tooLarge.status).toBe(413);
    expect(await databaseFingerprint(direct)).toBe(fingerprint);
  }, 120_000);

  it('refuses malformed and forged credentials with 401, on reads and writes alike', async () => {
    const forged = [
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'Bearer a.b.c',
      `Bearer ${'x'.repeat(6000)}`,
      // alg "none", and a token signed with someone else's secret, both naming a real user.
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: ids.user })}.`,
      `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: ids.user, exp: 4102444800 })}.${createHash('sha256').update('forged').digest('base64url')}`,
      `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: { $gt: '' } })}.sig`,
      'bearer $where',
    ];
    for (const authorization of forged) {
      for (const e of ['GET /api/articles/:id/tree', 'POST /api/nodes/:id/replies', 'POST /api/moderation/nodes/:id'].map((r) => ENDPOINTS.find((x) => `${x.method.toUpperCase()} ${x.route}` === r)!)) {
        const res = await expectRefused(e.method, pathFor(e), { headers: { authorization }, rawBody: JSON.stringify(e.valid ?? {}) });
        expect(res.status).toBe(401);
      }
    }
    expect(await databaseFingerprint(direct)).toBe(fingerprint);
  }, 60_000);

  it('answers requests Node itself refuses (oversized URL or headers, malformed request line) in the error shape', async () => {
    const longUrl = await expectRefused('get', `/api/nodes/${'x'.repeat(20_000)}`);
    expect(longUrl.status).toBe(431);
    const longHeader = await expectRefused('get', '/api/articles', { headers: { 'x-padding': 'y'.repeat(20_000) } });
    expect(longHeader.status).toBe(431);
    for (const garbage of ['GARBAGE\r\n\r\n', 'GET /api/health HTTP/9.9\r\n\r\n', 'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n']) {
      const answer = await rawHttp(new URL(t.baseUrl).port, garbage);
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(head).toMatch(/content-type: application\/json/i);
      expect(JSON.parse(body)).toEqual({ statusCode: Number(head.slice(9, 12)), error: expect.any(String), code: 'VALIDATION', message: expect.any(String) });
    }
  });

  it('answers unknown routes and methods 404 in the one error shape', async () => {
    for (const [method, path] of [
      ['get', '/api/nope'],
      ['put', '/api/articles'],
      ['post', `/api/nodes/${ids.node}/children`],
      ['get', `/api/nodes/${ids.node}/vote`],
      ['delete', '/api/health'],
    ] as const) {
      expect((await expectRefused(method, path, { token: tokens[1] })).status).toBe(404);
    }
  });
});

/** Writes bytes straight to the server's socket and returns everything it answers. */
function rawHttp(port: string, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

/**
 * The fingerprint once the setup's writes have finished in the background too: a single instance
 * carries strengths to ancestors, stores derived figures and live events for replay a few
 * milliseconds after it answers (rounds at most FIGURES_LINGER_MS, here 50 ms, apart).
 */
async function settledFingerprint(direct: DirectDb): Promise<string> {
  for (let last = await databaseFingerprint(direct); ; ) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await databaseFingerprint(direct);
    if (now === last) return now;
    last = now;
  }
}

/** Every document of every collection, hashed: any insert, update or delete changes it. */
async function databaseFingerprint(direct: DirectDb): Promise<string> {
  const hash = createHash('sha256');
  const names = (await direct.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  for (const name of names) {
    hash.update(`\n#${name}\n`);
    for (const doc of await direct.db.collection(name).find({}).sort({ _id: 1 }).toArray()) hash.update(JSON.stringify(doc));
  }
  return hash.digest('hex');
}
