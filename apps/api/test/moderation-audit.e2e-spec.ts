import type { AuditEntry } from '@agora/shared';
import { bearer, fullAudit, moderationWorld, postReply, register, type ModerationWorld } from './support/moderation-world';
import { startTestApp } from './support/test-app';

/** Nothing a moderator does goes unrecorded: who, when, on what, why, and the state before and after. */
describe('moderation audit trail (e2e)', () => {
  let w: ModerationWorld;

  beforeAll(async () => {
    w = await moderationWorld(await startTestApp({ FLAG_THRESHOLD: '2' }));
  });
  afterAll(() => w.t.close());

  it('records every action with its actor, target, reason and before/after, newest first', async () => {
    const start = (await fullAudit(w.t, w.admin)).length;
    const mod = w.moderator;
    const post = (path: string, body: object, by = mod) => w.t.http().post(path).set(...bearer(by.token)).send(body).expect(200);
    const node = await postReply(w, w.author, 'Audited from start to end.', 3);
    const target = await register(w.t, 'target');
    const until = new Date(Date.now() + 3600e3).toISOString();

    await w.t.http().post(`/api/nodes/${node.id}/flags`).set(...bearer(w.reader.token)).send({ reason: 'abuse' }).expect(201);
    await w.t.http().post(`/api/nodes/${node.id}/flags`).set(...bearer(target.token)).send({ reason: 'spam' }).expect(201);
    await post(`/api/moderation/nodes/${node.id}`, { action: 'approve', reason: 'r-approve' });
    await post(`/api/moderation/nodes/${node.id}`, { action: 'hide', reason: 'r-hide' });
    await post(`/api/moderation/nodes/${node.id}`, { action: 'remove', reason: 'r-remove' });
    await post(`/api/moderation/nodes/${node.id}`, { action: 'restore', reason: 'r-restore' });
    await post(`/api/moderation/nodes/${node.id}/lock`, { locked: true, reason: 'r-lock' });
    await post(`/api/moderation/nodes/${node.id}/lock`, { locked: false });
    await post(`/api/moderation/nodes/${node.id}/pin`, { pinned: true, reason: 'r-pin' });
    await post(`/api/moderation/nodes/${node.id}/pin`, { pinned: false });
    await post(`/api/moderation/articles/${w.article.id}/lock`, { locked: true, reason: 'r-article-lock' });
    await post(`/api/moderation/articles/${w.article.id}/lock`, { locked: false });
    await post(`/api/moderation/users/${target.id}/suspend`, { until, reason: 'r-suspend' });
    await post(`/api/moderation/users/${target.id}/ban`, { reason: 'r-ban' });
    await post(`/api/moderation/users/${target.id}/unban`, {});
    await post(`/api/admin/users/${target.id}/role`, { role: 'moderator', reason: 'r-role' }, w.admin);

    const all = await fullAudit(w.t, mod);
    const mine = all.slice(0, all.length - start).reverse();
    const strip = (e: AuditEntry) => ({ action: e.action, actorId: e.actorId, targetType: e.targetType, targetId: e.targetId, reason: e.reason, before: e.before, after: e.after });
    expect(mine.map(strip)).toEqual([
      { action: 'auto-pending', actorId: null, targetType: 'node', targetId: node.id, reason: expect.stringMatching(/2 open flag/), before: { status: 'visible', flagCount: 2 }, after: { status: 'pending', flagCount: 2 } },
      { action: 'approve', actorId: mod.id, targetType: 'node', targetId: node.id, reason: 'r-approve', before: { status: 'pending', flagCount: 2 }, after: { status: 'visible', flagCount: 0 } },
      { action: 'hide', actorId: mod.id, targetType: 'node', targetId: node.id, reason: 'r-hide', before: { status: 'visible', flagCount: 0 }, after: { status: 'hidden', flagCount: 0 } },
      { action: 'remove', actorId: mod.id, targetType: 'node', targetId: node.id, reason: 'r-remove', before: { status: 'hidden', flagCount: 0 }, after: { status: 'removed', flagCount: 0 } },
      { action: 'restore', actorId: mod.id, targetType: 'node', targetId: node.id, reason: 'r-restore', before: { status: 'removed', flagCount: 0 }, after: { status: 'visible', flagCount: 0 } },
      { action: 'lock', actorId: mod.id, targetType: 'node', targetId: node.id, reason: 'r-lock', before: { locked: false, status: 'visible' }, after: { locked: true, status: 'visible' } },
      { action: 'unlock', actorId: mod.id, targetType: 'node', targetId: node.id, reason: null, before: { locked: true, status: 'visible' }, after: { locked: false, status: 'visible' } },
      { action: 'pin', actorId: mod.id, targetType: 'node', targetId: node.id, reason: 'r-pin', before: { pinned: false, status: 'visible' }, after: { pinned: true, status: 'visible' } },
      { action: 'unpin', actorId: mod.id, targetType: 'node', targetId: node.id, reason: null, before: { pinned: true, status: 'visible' }, after: { pinned: false, status: 'visible' } },
      { action: 'lock', actorId: mod.id, targetType: 'article', targetId: w.article.id, reason: 'r-article-lock', before: { locked: false }, after: { locked: true } },
      { action: 'unlock', actorId: mod.id, targetType: 'article', targetId: w.article.id, reason: null, before: { locked: true }, after: { locked: false } },
      { action: 'suspend', actorId: mod.id, targetType: 'user', targetId: target.id, reason: 'r-suspend', before: { role: 'participant', suspendedUntil: null, banned: false }, after: { role: 'participant', suspendedUntil: until, banned: false } },
      { action: 'ban', actorId: mod.id, targetType: 'user', targetId: target.id, reason: 'r-ban', before: { role: 'participant', suspendedUntil: until, banned: false }, after: { role: 'participant', suspendedUntil: until, banned: true } },
      { action: 'unban', actorId: mod.id, targetType: 'user', targetId: target.id, reason: null, before: { role: 'participant', suspendedUntil: until, banned: true }, after: { role: 'participant', suspendedUntil: null, banned: false } },
      { action: 'role', actorId: w.admin.id, targetType: 'user', targetId: target.id, reason: 'r-role', before: { role: 'participant', suspendedUntil: null, banned: false }, after: { role: 'moderator', suspendedUntil: null, banned: false } },
    ]);
    expect(mine.every((e) => !Number.isNaN(Date.parse(e.createdAt)))).toBe(true);
    expect(mine.filter((e) => e.actorId === mod.id).every((e) => e.actorName === mod.username)).toBe(true);
  });

  it('records nothing for refused requests', async () => {
    const before = (await fullAudit(w.t, w.admin)).length;
    const node = await postReply(w, w.author, 'Refusals leave no trace.', 3);
    await w.t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(w.reader.token)).send({ action: 'hide', reason: 'x' }).expect(403);
    await w.t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(w.moderator.token)).send({ action: 'restore', reason: 'x' }).expect(400);
    await w.t.http().post(`/api/moderation/users/${w.admin.id}/ban`).set(...bearer(w.moderator.token)).send({ reason: 'x' }).expect(403);
    expect((await fullAudit(w.t, w.admin)).length).toBe(before);
  });

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const all = await fullAudit(w.t, w.admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: AuditEntry[]; nextCursor: string | null } } = await w.t.http().get('/api/moderation/audit').query({ limit: 3, ...(cursor ? { cursor } : {}) }).set(...bearer(w.moderator.token)).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((e: AuditEntry) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
    const times = all.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await w.t.http().get('/api/moderation/audit?limit=0').set(...bearer(w.moderator.token))).status).toBe(400);
  });
});
