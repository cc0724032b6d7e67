import type { ArgumentNode } from '@agora/shared';
import type { Response } from 'supertest';
import { bearer, moderationWorld, postReply, register, registerAdminWho, type ModerationWorld, type Who } from './support/moderation-world';
import { startTestApp } from './support/test-app';

/**
 * Every moderation endpoint against every role: anonymous, participant, suspended, banned, moderator
 * and admin. Each call that should succeed gets a fresh target so the answers do not depend on order.
 */
type Role = 'anonymous' | 'participant' | 'suspended' | 'banned' | 'moderator' | 'admin';
const ROLES: Role[] = ['anonymous', 'participant', 'suspended', 'banned', 'moderator', 'admin'];

/** The answer each role gets from a route only moderators and admins may use. */
const MODERATORS_ONLY: Record<Role, number> = { anonymous: 401, participant: 403, suspended: 403, banned: 403, moderator: 200, admin: 200 };
const ADMINS_ONLY: Record<Role, number> = { ...MODERATORS_ONLY, moderator: 403 };
/** Writers: anyone signed in and in good standing. */
const WRITERS: Record<Role, number> = { anonymous: 401, participant: 201, suspended: 403, banned: 403, moderator: 201, admin: 201 };

describe('moderation endpoints × roles (e2e)', () => {
  let w: ModerationWorld;

  beforeAll(async () => {
    w = await moderationWorld(await startTestApp());
  });
  afterAll(() => w.t.close());

  const actor = (role: Role): Who | null => {
    switch (role) {
      case 'anonymous':
        return null;
      case 'participant':
        return w.reader;
      case 'suspended':
        return w.suspended;
      case 'banned':
        return w.banned;
      case 'moderator':
        return w.moderator;
      case 'admin':
        return w.admin;
    }
  };
  const send = (role: Role, method: 'get' | 'post', path: string, body?: object): Promise<Response> => {
    const who = actor(role);
    let req = w.t.http()[method](path);
    if (who) req = req.set(...bearer(who.token));
    return method === 'post' ? req.send(body ?? {}) : req;
  };
  let serial = 0;
  // Each text its own: the same text twice by one author under one paragraph is refused as a repeat.
  const fresh = (text = `A reply for moderation (${serial++}).`): Promise<ArgumentNode> => postReply(w, w.author, text, 3);
  const errorCode = (res: Response): string => res.body?.code;

  describe('POST /api/nodes/:id/flags', () => {
    it.each(ROLES)('%s', async (role) => {
      const node = await fresh();
      const res = await send(role, 'post', `/api/nodes/${node.id}/flags`, { reason: 'spam', note: 'looks automated' });
      expect(res.status).toBe(WRITERS[role]);
      if (res.status === 201) expect(res.body).toMatchObject({ userId: actor(role)!.id, reason: 'spam', note: 'looks automated' });
      if (role === 'suspended') expect(res.body.message).toMatch(/suspended until \d{4}-/);
      if (role === 'banned') expect(errorCode(res)).toBe('BANNED');
    });
  });

  describe.each(['flagged', 'pending', 'hidden'])('GET /api/moderation/queue?status=%s', (status) => {
    it.each(ROLES)('%s', async (role) => {
      const res = await send(role, 'get', `/api/moderation/queue?status=${status}`);
      expect(res.status).toBe(MODERATORS_ONLY[role]);
      if (res.status === 200) expect(res.body).toEqual({ items: expect.any(Array), nextCursor: null });
    });
  });

  describe('GET /api/moderation/audit', () => {
    it.each(ROLES)('%s', async (role) => {
      const res = await send(role, 'get', '/api/moderation/audit');
      expect(res.status).toBe(MODERATORS_ONLY[role]);
      if (res.status === 200) expect(res.body.items.length).toBeGreaterThan(0);
    });
  });

  describe.each([
    ['approve', 'visible'],
    ['hide', 'hidden'],
    ['remove', 'removed'],
    ['restore', 'visible'],
  ] as const)('POST /api/moderation/nodes/:id {action: %s}', (action, after) => {
    it.each(ROLES)('%s', async (role) => {
      const node = await fresh();
      if (action === 'restore') {
        await w.t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(w.admin.token)).send({ action: 'hide', reason: 'set up' }).expect(200);
      }
      const res = await send(role, 'post', `/api/moderation/nodes/${node.id}`, { action, reason: `${action} by ${role}` });
      expect(res.status).toBe(MODERATORS_ONLY[role]);
      const stored = await w.t.http().get(`/api/nodes/${node.id}`).set(...bearer(w.admin.token)).expect(200);
      const unchanged = action === 'restore' ? 'hidden' : 'visible';
      expect(stored.body.status).toBe(res.status === 200 ? after : unchanged);
      if (res.status === 200) expect(res.body).toMatchObject({ id: node.id, status: after });
    });
  });

  describe('POST /api/moderation/nodes/:id/lock', () => {
    it.each(ROLES)('%s', async (role) => {
      const node = await fresh();
      const res = await send(role, 'post', `/api/moderation/nodes/${node.id}/lock`, { locked: true, reason: 'heated' });
      expect(res.status).toBe(MODERATORS_ONLY[role]);
      if (res.status === 200) {
        expect(res.body).toMatchObject({ id: node.id, locked: true });
        expect((await send(role, 'post', `/api/moderation/nodes/${node.id}/lock`, { locked: false })).body.locked).toBe(false);
      }
    });
  });

  describe('POST /api/moderation/nodes/:id/pin', () => {
    it.each(ROLES)('%s', async (role) => {
      const node = await fresh();
      const res = await send(role, 'post', `/api/moderation/nodes/${node.id}/pin`, { pinned: true });
      expect(res.status).toBe(MODERATORS_ONLY[role]);
      if (res.status === 200) expect(res.body).toMatchObject({ id: node.id, pinned: true });
    });
  });

  describe('POST /api/moderation/articles/:id/lock', () => {
    it.each(ROLES)('%s', async (role) => {
      const res = await send(role, 'post', `/api/moderation/articles/${w.article.id}/lock`, { locked: true, reason: 'cooling off' });
      expect(res.status).toBe(MODERATORS_ONLY[role]);
      if (res.status === 200) {
        expect(res.body).toMatchObject({ id: w.article.id, locked: true });
        const unlocked = await send(role, 'post', `/api/moderation/articles/${w.article.id}/lock`, { locked: false });
        expect(unlocked.body.locked).toBe(false);
      }
      const summary = await w.t.http().get(`/api/articles/${w.article.id}`).expect(200);
      expect(summary.body.locked).toBe(false);
    });
  });

  describe.each([
    ['suspend', () => ({ until: new Date(Date.now() + 3600e3).toISOString(), reason: 'cool down' }), { suspendedUntil: expect.any(String) }],
    ['ban', () => ({ reason: 'spam' }), { banned: true }],
    ['unban', () => ({ reason: 'second chance' }), { banned: false, suspendedUntil: null }],
  ] as const)('POST /api/moderation/users/:id/%s', (action, body, after) => {
    it.each(ROLES)('%s', async (role) => {
      const target = await register(w.t, 'target');
      const res = await send(role, 'post', `/api/moderation/users/${target.id}/${action}`, body());
      expect(res.status).toBe(MODERATORS_ONLY[role]);
      if (res.status === 200) expect(res.body).toMatchObject({ id: target.id, role: 'participant', ...after });
    });
  });

  describe('POST /api/admin/users/:id/role', () => {
    it.each(ROLES)('%s', async (role) => {
      const target = await register(w.t, 'target');
      const res = await send(role, 'post', `/api/admin/users/${target.id}/role`, { role: 'moderator', reason: 'trusted' });
      expect(res.status).toBe(ADMINS_ONLY[role]);
      if (res.status === 200) expect(res.body).toMatchObject({ id: target.id, role: 'moderator' });
    });
  });

  describe('who may act on whom', () => {
    const sanction = (by: Who, target: Who, action: 'suspend' | 'ban' | 'unban') =>
      w.t
        .http()
        .post(`/api/moderation/users/${target.id}/${action}`)
        .set(...bearer(by.token))
        .send(action === 'suspend' ? { until: new Date(Date.now() + 3600e3).toISOString(), reason: 'r' } : { reason: 'r' });

    it('moderators may not suspend, ban or unban other moderators or admins', async () => {
      const other = await register(w.t, 'mod2');
      await w.t.http().post(`/api/admin/users/${other.id}/role`).set(...bearer(w.admin.token)).send({ role: 'moderator' }).expect(200);
      for (const action of ['suspend', 'ban', 'unban'] as const) {
        expect((await sanction(w.moderator, other, action)).status).toBe(403);
        expect((await sanction(w.moderator, w.admin, action)).status).toBe(403);
      }
    });

    it('admins may suspend and unban moderators, but not ban admins or themselves', async () => {
      const other = await register(w.t, 'mod3');
      await w.t.http().post(`/api/admin/users/${other.id}/role`).set(...bearer(w.admin.token)).send({ role: 'moderator' }).expect(200);
      expect((await sanction(w.admin, other, 'suspend')).status).toBe(200);
      // A suspended moderator reads the queue but takes no action until the suspension ends.
      expect((await w.t.http().get('/api/moderation/queue').set(...bearer(other.token))).status).toBe(200);
      const node = await fresh();
      const blocked = await w.t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(other.token)).send({ action: 'hide', reason: 'x' });
      expect(blocked.status).toBe(403);
      expect(errorCode(blocked)).toBe('SUSPENDED');
      expect((await sanction(w.admin, other, 'unban')).status).toBe(200);
      expect((await w.t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(other.token)).send({ action: 'hide', reason: 'x' })).status).toBe(200);
      expect((await sanction(w.admin, w.admin, 'ban')).status).toBe(403);
      expect((await sanction(w.moderator, w.moderator, 'suspend')).status).toBe(403);
    });

    it('the last admin cannot stop being admin; with a second admin they can', async () => {
      const t = await startTestApp({}, { seed: false });
      try {
        const first = await registerAdminWho(t, 'root');
        const second = await register(t, 'second');
        const demote = (by: Who, target: Who) => t.http().post(`/api/admin/users/${target.id}/role`).set(...bearer(by.token)).send({ role: 'participant' });
        const refused = await demote(first, first);
        expect(refused.status).toBe(403);
        expect(refused.body.message).toMatch(/last admin/);
        await t.http().post(`/api/admin/users/${second.id}/role`).set(...bearer(first.token)).send({ role: 'admin' }).expect(200);
        expect((await demote(first, first)).status).toBe(200);
        expect((await demote(second, second)).status).toBe(403);
        // The guard reloads the user on each request: the demoted admin has lost their rights at once.
        expect((await t.http().get('/api/moderation/audit').set(...bearer(first.token))).status).toBe(403);
      } finally {
        await t.close();
      }
    });
  });

  describe('bad requests', () => {
    const mod = (path: string, body: object) => w.t.http().post(path).set(...bearer(w.moderator.token)).send(body);
    const missing = '0123456789abcdef01234567';

    it('answers 400 to unknown actions, reasons, roles and malformed bodies', async () => {
      const node = await fresh();
      expect((await mod(`/api/moderation/nodes/${node.id}`, { action: 'explode', reason: 'x' })).status).toBe(400);
      expect((await mod(`/api/moderation/nodes/${node.id}`, { action: 'hide' })).status).toBe(400);
      expect((await mod(`/api/moderation/nodes/${node.id}`, { action: 'hide', reason: '   ' })).status).toBe(400);
      expect((await mod(`/api/moderation/nodes/${node.id}/lock`, { locked: 'yes' })).status).toBe(400);
      expect((await mod(`/api/moderation/nodes/${node.id}/pin`, {})).status).toBe(400);
      expect((await mod(`/api/nodes/${node.id}/flags`, { reason: 'boring' })).status).toBe(400);
      expect((await mod(`/api/nodes/${node.id}/flags`, { reason: 'spam', extra: 1 })).status).toBe(400);
      expect((await mod(`/api/moderation/users/${w.reader.id}/suspend`, { until: 'tomorrow', reason: 'x' })).status).toBe(400);
      expect((await mod(`/api/moderation/users/${w.reader.id}/suspend`, { until: new Date(Date.now() - 1000).toISOString(), reason: 'x' })).status).toBe(400);
      expect((await mod(`/api/moderation/users/${w.reader.id}/ban`, {})).status).toBe(400);
      expect((await w.t.http().post(`/api/admin/users/${w.reader.id}/role`).set(...bearer(w.admin.token)).send({ role: 'king' })).status).toBe(400);
      expect((await w.t.http().get('/api/moderation/queue?status=everything').set(...bearer(w.moderator.token))).status).toBe(400);
      expect((await mod('/api/moderation/nodes/not-an-id', { action: 'hide', reason: 'x' })).status).toBe(400);
    });

    it('answers 400 to an action that does not apply to the node as it is', async () => {
      const node = await fresh();
      const res = await mod(`/api/moderation/nodes/${node.id}`, { action: 'restore', reason: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/Cannot restore a visible node/);
    });

    it('answers 404 for nodes, articles and users that do not exist', async () => {
      expect((await mod(`/api/moderation/nodes/${missing}`, { action: 'hide', reason: 'x' })).status).toBe(404);
      expect((await mod(`/api/moderation/nodes/${missing}/lock`, { locked: true })).status).toBe(404);
      expect((await mod(`/api/moderation/nodes/${missing}/pin`, { pinned: true })).status).toBe(404);
      expect((await mod(`/api/moderation/articles/${missing}/lock`, { locked: true })).status).toBe(404);
      expect((await mod(`/api/nodes/${missing}/flags`, { reason: 'spam' })).status).toBe(404);
      expect((await mod(`/api/moderation/users/${missing}/ban`, { reason: 'x' })).status).toBe(404);
      expect((await w.t.http().post(`/api/admin/users/${missing}/role`).set(...bearer(w.admin.token)).send({ role: 'moderator' })).status).toBe(404);
    });
  });
});
