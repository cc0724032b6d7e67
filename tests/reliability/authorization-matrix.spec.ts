import type { ArgumentNode } from '@agora/shared';
import type { Response } from 'supertest';
import { bearer, moderationWorld, postReply, register, type ModerationWorld, type Who } from '../../apps/api/test/support/moderation-world';
import { startTestApp } from '../../apps/api/test/support/test-app';
import { servedRoutes, type Method } from './support/routes';

/**
 * Every endpoint × every role gets exactly the answer the rules give: reading is open to all (even the
 * suspended and banned); writing needs an account (401) in good standing (403 SUSPENDED / BANNED);
 * only a node's author edits or withdraws it, and may not vote on or flag it; moderation needs a
 * moderator or admin, role changes an admin. One row per endpoint; every cell that can change
 * something acts on a target of its own, so no answer depends on the order the cells run in.
 */
const ROLES = ['anonymous', 'participant', 'author', 'moderator', 'admin', 'suspended', 'banned'] as const;
type Role = (typeof ROLES)[number];

const everyone = (status: number): Record<Role, number> => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, number>;
const OPEN = everyone(200);
const SIGNED_IN = { ...everyone(200), anonymous: 401 };
const WRITERS = (ok: number): Record<Role, number> => ({ anonymous: 401, participant: ok, author: ok, moderator: ok, admin: ok, suspended: 403, banned: 403 });
const NOT_ON_OWN = (ok: number): Record<Role, number> => ({ ...WRITERS(ok), author: 403 });
const AUTHOR_ONLY: Record<Role, number> = { anonymous: 401, participant: 403, author: 200, moderator: 403, admin: 403, suspended: 403, banned: 403 };
const MODERATORS = (ok: number): Record<Role, number> => ({ anonymous: 401, participant: 403, author: 403, moderator: ok, admin: ok, suspended: 403, banned: 403 });
const ADMINS: Record<Role, number> = { ...MODERATORS(200), moderator: 403 };

interface Cell {
  as: Who | null;
  role: Role;
}

interface Row {
  method: Method;
  route: string;
  expect: Record<Role, number>;
  /** Suspension and ban are checked before anything else, so those callers learn why (else FORBIDDEN). */
  sanctionsFirst?: boolean;
  request(cell: Cell): Promise<Response>;
}

describe('authorization matrix: every endpoint × every role', () => {
  let w: ModerationWorld;
  /** A reply by the author that read-only rows use. */
  let shared: ArgumentNode;
  /** A moderator outside the cast, whose decisions the cast's moderator and admin may decide appeals of. */
  let decider: Who;
  let serial = 0;

  beforeAll(async () => {
    w = await moderationWorld(await startTestApp());
    shared = await postReply(w, w.author, 'The node every read is about.', 2);
    // A vote to read back, by a participant.
    await w.t.http().put(`/api/nodes/${shared.id}/vote`).set(...bearer(w.reader.token)).send({ value: 4 }).expect(200);
    decider = await register(w.t, 'decider');
    await w.t.http().post(`/api/admin/users/${decider.id}/role`).set(...bearer(w.admin.token)).send({ role: 'moderator' }).expect(200);
  }, 120_000);
  afterAll(() => w.t.close());

  const who = (role: Role): Who | null => {
    switch (role) {
      case 'anonymous':
        return null;
      case 'participant':
        return w.reader;
      case 'author':
        return w.author;
      case 'moderator':
        return w.moderator;
      case 'admin':
        return w.admin;
      case 'suspended':
        return w.suspended;
      case 'banned':
        return w.banned;
    }
  };
  const send = (cell: Cell, method: Method, path: string, body?: object): Promise<Response> => {
    let req = w.t.http()[method](path);
    if (cell.as) req = req.set(...bearer(cell.as.token));
    return body === undefined ? req : req.send(body);
  };
  /** A node of the author's own that nobody else touches. */
  const freshNode = (): Promise<ArgumentNode> => postReply(w, w.author, `A node for one cell (${serial++}).`, 3);
  const freshUser = (): Promise<Who> => register(w.t, `target${serial++}`);
  /** A node of the author's that the outside moderator has hidden. */
  const hiddenNode = async (): Promise<ArgumentNode> => {
    const node = await freshNode();
    await w.t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(decider.token)).send({ action: 'hide', reason: 'Matrix.', reasonCode: 'spam' }).expect(200);
    return node;
  };
  /** An open appeal of the outside moderator's decision. */
  const freshAppeal = async (): Promise<string> => {
    const node = await hiddenNode();
    return (await w.t.http().post(`/api/nodes/${node.id}/appeal`).set(...bearer(w.author.token)).send({ statement: 'Matrix.' }).expect(201)).body.id;
  };
  /** An article of its own (imported by the admin), so that a revision or an attachment changes nothing other cells read. */
  const freshArticle = async (): Promise<{ id: string; text: string }> => {
    const text = `# Matrix ${serial++}\n\nThe first paragraph stays as it is. It has a second sentence.\n\nThe second paragraph will go away. Its replies will be orphaned.\n`;
    const res = await w.t.http().post('/api/articles').set(...bearer(w.admin.token)).send({ text }).expect(201);
    return { id: res.body.id as string, text };
  };
  /** An article of its own with one orphan: a reply to a paragraph a revision deleted. */
  const freshOrphan = async (): Promise<{ articleId: string; nodeId: string }> => {
    const { id, text } = await freshArticle();
    const reply = await w.t.http().post(`/api/articles/${id}/paragraphs/1/replies`).set(...bearer(w.reader.token)).send({ type: 'support', text: 'A reply to be orphaned.' }).expect(201);
    await w.t.http().post(`/api/articles/${id}/revisions`).set(...bearer(w.admin.token)).send({ text: text.split('\n\nThe second')[0] }).expect(201);
    return { articleId: id, nodeId: reply.body.id as string };
  };

  const ROWS: Row[] = [
    { method: 'get', route: '/api/health', expect: OPEN, request: (c) => send(c, 'get', '/api/health') },
    { method: 'post', route: '/api/auth/register', expect: everyone(201), request: (c) => send(c, 'post', '/api/auth/register', { username: `new_${Date.now().toString(36)}${serial++}`, password: 'correct horse battery' }) },
    // Signing in is allowed to everyone, the suspended and banned included: they may still read.
    { method: 'post', route: '/api/auth/login', expect: everyone(200), request: (c) => send(c, 'post', '/api/auth/login', { username: (c.as ?? w.reader).username, password: 'correct horse battery' }) },
    { method: 'get', route: '/api/auth/me', expect: SIGNED_IN, request: (c) => send(c, 'get', '/api/auth/me') },
    // The session cookie is what authorizes a renewal: each cell signs in for one, and a reader without one is refused.
    {
      method: 'post',
      route: '/api/auth/refresh',
      expect: { ...everyone(200), anonymous: 401 },
      request: async (c) => {
        if (!c.as) return send(c, 'post', '/api/auth/refresh');
        const login = await w.t.http().post('/api/auth/login').send({ username: c.as.username, password: 'correct horse battery' }).expect(200);
        return w.t.http().post('/api/auth/refresh').set('cookie', login.headers['set-cookie']);
      },
    },
    { method: 'delete', route: '/api/auth/session', expect: everyone(204), request: (c) => send(c, 'delete', '/api/auth/session') },
    // Logging out revokes every token of the account: the cell signs in again for the rows after it.
    {
      method: 'post',
      route: '/api/auth/logout',
      expect: { ...everyone(204), anonymous: 401 },
      request: async (c) => {
        const res = await send(c, 'post', '/api/auth/logout');
        if (c.as && res.status === 204) c.as.token = (await w.t.http().post('/api/auth/login').send({ username: c.as.username, password: 'correct horse battery' }).expect(200)).body.token;
        return res;
      },
    },
    {
      method: 'post',
      route: '/api/auth/password',
      expect: SIGNED_IN,
      request: async (c) => {
        const res = await send(c, 'post', '/api/auth/password', { currentPassword: 'correct horse battery', newPassword: 'Matrix-interim-passphrase-42' });
        if (c.as && res.status === 200) {
          c.as.token = res.body.token;
          const back = await send(c, 'post', '/api/auth/password', { currentPassword: 'Matrix-interim-passphrase-42', newPassword: 'correct horse battery' });
          if (back.status !== 200) throw new Error(`password back: ${back.status} ${JSON.stringify(back.body)}`);
          c.as.token = back.body.token;
        }
        return res;
      },
    },
    { method: 'get', route: '/api/articles', expect: OPEN, request: (c) => send(c, 'get', '/api/articles') },
    {
      method: 'post',
      route: '/api/articles',
      expect: MODERATORS(201),
      request: (c) => send(c, 'post', '/api/articles', { title: `Imported by ${c.role}`, text: `A short article imported by a ${c.role} (${serial++}). It has a second sentence.` }),
    },
    { method: 'get', route: '/api/articles/:id', expect: OPEN, request: (c) => send(c, 'get', `/api/articles/${w.article.id}`) },
    { method: 'get', route: '/api/articles/:id/tree', expect: OPEN, request: (c) => send(c, 'get', `/api/articles/${w.article.id}/tree`) },
    { method: 'get', route: '/api/articles/:id/my-votes', expect: SIGNED_IN, request: (c) => send(c, 'get', `/api/articles/${w.article.id}/my-votes`) },
    { method: 'get', route: '/api/articles/:id/perspectives', expect: OPEN, request: (c) => send(c, 'get', `/api/articles/${w.article.id}/perspectives`) },
    {
      method: 'post',
      route: '/api/articles/:id/paragraphs/:index/replies',
      expect: WRITERS(201),
      sanctionsFirst: true,
      request: (c) => send(c, 'post', `/api/articles/${w.article.id}/paragraphs/1/replies`, { type: 'support', text: `A paragraph reply by a ${c.role}.` }),
    },
    {
      method: 'post',
      route: '/api/articles/import',
      expect: MODERATORS(201),
      request: (c) => send(c, 'post', '/api/articles/import?format=argdown', { text: `[T]: A thesis imported by a ${c.role} (${serial++}).\n  + [S]: A reason for it.\n` }),
    },
    {
      method: 'post',
      route: '/api/articles/:id/revisions',
      expect: MODERATORS(201),
      request: async (c) => {
        const { id, text } = await freshArticle();
        return send(c, 'post', `/api/articles/${id}/revisions`, { text: `${text}\nA third paragraph, revised in by a ${c.role}.\n` });
      },
    },
    { method: 'get', route: '/api/articles/:id/revisions', expect: OPEN, request: (c) => send(c, 'get', `/api/articles/${w.article.id}/revisions`) },
    { method: 'get', route: '/api/articles/:id/revisions/:revision', expect: OPEN, request: (c) => send(c, 'get', `/api/articles/${w.article.id}/revisions/0`) },
    { method: 'get', route: '/api/articles/:id/orphans', expect: MODERATORS(200), request: (c) => send(c, 'get', `/api/articles/${w.article.id}/orphans`) },
    {
      method: 'post',
      route: '/api/articles/:id/orphans/:nodeId/attach',
      expect: MODERATORS(200),
      request: async (c) => {
        const { articleId, nodeId } = await freshOrphan();
        return send(c, 'post', `/api/articles/${articleId}/orphans/${nodeId}/attach`, { paragraphIndex: 0 });
      },
    },
    { method: 'get', route: '/api/nodes/:id', expect: OPEN, request: (c) => send(c, 'get', `/api/nodes/${shared.id}`) },
    { method: 'get', route: '/api/nodes/:id/children', expect: OPEN, request: (c) => send(c, 'get', `/api/nodes/${shared.id}/children`) },
    { method: 'get', route: '/api/nodes/:id/strength', expect: OPEN, request: (c) => send(c, 'get', `/api/nodes/${shared.id}/strength`) },
    { method: 'get', route: '/api/nodes/:id/history', expect: OPEN, request: (c) => send(c, 'get', `/api/nodes/${shared.id}/history`) },
    {
      method: 'post',
      route: '/api/nodes/:id/replies',
      expect: WRITERS(201),
      sanctionsFirst: true,
      request: (c) => send(c, 'post', `/api/nodes/${shared.id}/replies`, { type: 'rebuttal', text: `A nested reply by a ${c.role}.` }),
    },
    { method: 'patch', route: '/api/nodes/:id', expect: AUTHOR_ONLY, sanctionsFirst: true, request: async (c) => send(c, 'patch', `/api/nodes/${(await freshNode()).id}`, { text: `Edited by a ${c.role}.` }) },
    { method: 'delete', route: '/api/nodes/:id', expect: AUTHOR_ONLY, sanctionsFirst: true, request: async (c) => send(c, 'delete', `/api/nodes/${(await freshNode()).id}`) },
    { method: 'put', route: '/api/nodes/:id/vote', expect: NOT_ON_OWN(200), sanctionsFirst: true, request: async (c) => send(c, 'put', `/api/nodes/${(await freshNode()).id}/vote`, { value: 5 }) },
    { method: 'delete', route: '/api/nodes/:id/vote', expect: NOT_ON_OWN(200), sanctionsFirst: true, request: async (c) => send(c, 'delete', `/api/nodes/${(await freshNode()).id}/vote`) },
    { method: 'get', route: '/api/nodes/:id/my-vote', expect: SIGNED_IN, request: (c) => send(c, 'get', `/api/nodes/${shared.id}/my-vote`) },
    {
      method: 'post',
      route: '/api/nodes/:id/flags',
      expect: NOT_ON_OWN(201),
      sanctionsFirst: true,
      request: async (c) => send(c, 'post', `/api/nodes/${(await freshNode()).id}/flags`, { reason: 'off-topic' }),
    },
    { method: 'get', route: '/api/moderation/queue', expect: MODERATORS(200), request: (c) => send(c, 'get', '/api/moderation/queue?status=pending') },
    { method: 'get', route: '/api/moderation/audit', expect: MODERATORS(200), request: (c) => send(c, 'get', '/api/moderation/audit') },
    { method: 'post', route: '/api/moderation/nodes/:id', expect: MODERATORS(200), request: async (c) => send(c, 'post', `/api/moderation/nodes/${(await freshNode()).id}`, { action: 'hide', reason: 'Matrix.' }) },
    { method: 'post', route: '/api/moderation/nodes/:id/lock', expect: MODERATORS(200), request: async (c) => send(c, 'post', `/api/moderation/nodes/${(await freshNode()).id}/lock`, { locked: true }) },
    { method: 'post', route: '/api/moderation/nodes/:id/slow-mode', expect: MODERATORS(200), request: async (c) => send(c, 'post', `/api/moderation/nodes/${(await freshNode()).id}/slow-mode`, { seconds: 30 }) },
    { method: 'post', route: '/api/moderation/nodes/:id/pin', expect: MODERATORS(200), request: async (c) => send(c, 'post', `/api/moderation/nodes/${(await freshNode()).id}/pin`, { pinned: true }) },
    {
      method: 'post',
      route: '/api/moderation/articles/:id/lock',
      expect: MODERATORS(200),
      request: async (c) => {
        const res = await send(c, 'post', `/api/moderation/articles/${w.article.id}/lock`, { locked: true, reason: 'Matrix.' });
        // Unlocked again at once, so that the cells after this one can still write.
        await w.t.http().post(`/api/moderation/articles/${w.article.id}/lock`).set(...bearer(w.admin.token)).send({ locked: false }).expect(200);
        return res;
      },
    },
    {
      method: 'post',
      route: '/api/moderation/users/:id/suspend',
      expect: MODERATORS(200),
      request: async (c) => send(c, 'post', `/api/moderation/users/${(await freshUser()).id}/suspend`, { until: new Date(Date.now() + 3600e3).toISOString(), reason: 'Matrix.' }),
    },
    { method: 'post', route: '/api/moderation/users/:id/ban', expect: MODERATORS(200), request: async (c) => send(c, 'post', `/api/moderation/users/${(await freshUser()).id}/ban`, { reason: 'Matrix.' }) },
    { method: 'post', route: '/api/moderation/users/:id/unban', expect: MODERATORS(200), request: async (c) => send(c, 'post', `/api/moderation/users/${(await freshUser()).id}/unban`, { reason: 'Matrix.' }) },
    { method: 'get', route: '/api/moderation/users', expect: MODERATORS(200), request: (c) => send(c, 'get', '/api/moderation/users?q=target') },
    { method: 'get', route: '/api/moderation/users/:id', expect: MODERATORS(200), request: (c) => send(c, 'get', `/api/moderation/users/${w.author.id}`) },
    { method: 'get', route: '/api/moderation/users/:id/notes', expect: MODERATORS(200), request: (c) => send(c, 'get', `/api/moderation/users/${w.author.id}/notes`) },
    { method: 'post', route: '/api/moderation/users/:id/notes', expect: MODERATORS(201), request: async (c) => send(c, 'post', `/api/moderation/users/${(await freshUser()).id}/notes`, { text: 'Matrix.' }) },
    {
      method: 'post',
      route: '/api/nodes/:id/appeal',
      expect: { ...AUTHOR_ONLY, author: 201 },
      request: async (c) => send(c, 'post', `/api/nodes/${(await hiddenNode()).id}/appeal`, { statement: `Appealed by a ${c.role}.` }),
    },
    { method: 'get', route: '/api/moderation/appeals', expect: MODERATORS(200), request: (c) => send(c, 'get', '/api/moderation/appeals') },
    { method: 'post', route: '/api/moderation/appeals/:id', expect: MODERATORS(200), request: async (c) => send(c, 'post', `/api/moderation/appeals/${await freshAppeal()}`, { outcome: 'uphold', reason: 'Matrix.' }) },
    { method: 'post', route: '/api/admin/users/:id/role', expect: ADMINS, request: async (c) => send(c, 'post', `/api/admin/users/${(await freshUser()).id}/role`, { role: 'moderator', reason: 'Matrix.' }) },
    { method: 'get', route: '/api/notifications', expect: SIGNED_IN, request: (c) => send(c, 'get', '/api/notifications') },
    // Reading one's notifications is not writing: the suspended and banned may too.
    { method: 'post', route: '/api/notifications/read', expect: SIGNED_IN, request: (c) => send(c, 'post', '/api/notifications/read', { all: true }) },
    { method: 'get', route: '/api/users/:username', expect: OPEN, request: (c) => send(c, 'get', `/api/users/${w.author.username}`) },
    { method: 'get', route: '/api/search', expect: OPEN, request: (c) => send(c, 'get', '/api/search?q=sectarian') },
    // From loopback (as here) to anyone; elsewhere only with METRICS_TOKEN (metrics.e2e).
    { method: 'get', route: '/api/metrics', expect: OPEN, request: (c) => send(c, 'get', '/api/metrics') },
    { method: 'get', route: '/api/articles/:id/export', expect: OPEN, request: (c) => send(c, 'get', `/api/articles/${w.article.id}/export?format=argdown`) },
  ];

  it('has one row for every route the API serves', () => {
    expect(ROWS.map((r) => `${r.method.toUpperCase()} ${r.route}`).sort()).toEqual(servedRoutes(w.t.app).filter((r) => !r.includes('/api/docs')));
  });

  describe.each(ROWS.map((r) => [`${r.method.toUpperCase()} ${r.route}`, r] as const))('%s', (_, row) => {
    it.each([...ROLES])('%s', async (role) => {
      const res = await row.request({ as: who(role), role });
      const status = row.expect[role];
      expect({ role, status: res.status, body: res.status === status ? undefined : res.body }).toEqual({ role, status, body: undefined });
      if (status === 401) expect(res.body.code).toBe('UNAUTHENTICATED');
      if (status === 403) {
        const why = row.sanctionsFirst && role === 'suspended' ? 'SUSPENDED' : row.sanctionsFirst && role === 'banned' ? 'BANNED' : role === 'author' && row.expect.participant < 300 ? 'SELF_VOTE|FORBIDDEN' : 'FORBIDDEN';
        expect(res.body.code).toMatch(new RegExp(`^(${why})$`));
        if (why === 'SUSPENDED') expect(res.body.message).toMatch(/suspended until \d{4}-\d\d-\d\dT/);
      }
    });
  });
});
