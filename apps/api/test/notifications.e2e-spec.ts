import type { ArgumentNode, ArticleDetail, AuthResponse, Notification, NotificationPage, SearchResponse, UserProfile } from '@agora/shared';
import { LiveGateway } from '../src/modules/live/live.gateway';
import { UsersRepository } from '../src/modules/users/users.repository';
import { connectLive, type LiveClient } from './support/live-client';
import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('notifications, profiles and search (e2e)', () => {
  let t: TestApp;
  let mod: AuthResponse, ann: AuthResponse, ben: AuthResponse, carl: AuthResponse;
  let article: ArticleDetail;
  let annSocket: LiveClient, benSocket: LiveClient;

  beforeAll(async () => {
    t = await startTestApp();
    mod = await registerUser(t, 'mod');
    ann = await registerUser(t, 'ann');
    ben = await registerUser(t, 'ben');
    carl = await registerUser(t, 'carl');
    await t.app.get(UsersRepository).changeRole(mod.user.id, 'participant', 'moderator');
    const list = await t.http().get('/api/articles').expect(200);
    article = (await t.http().get(`/api/articles/${list.body.items[0].id}`).expect(200)).body;
    annSocket = await connectLive(t.baseUrl, ann.token);
    benSocket = await connectLive(t.baseUrl, ben.token);
  });
  afterAll(async () => {
    annSocket?.close();
    benSocket?.close();
    await t.close();
  });

  const notificationsOf = async (who: AuthResponse, query = ''): Promise<NotificationPage> =>
    (await t.http().get(`/api/notifications${query}`).set(...bearer(who.token)).expect(200)).body;
  const find = (who: AuthResponse, predicate: (n: Notification) => boolean) =>
    eventually(async () => (await notificationsOf(who)).items.find(predicate));

  let annNode: ArgumentNode;
  let benReply: ArgumentNode;

  it('tells an author of a reply to their argument, live on their own sockets only', async () => {
    annNode = (await t.http().post(`/api/articles/${article.id}/paragraphs/0/replies`).set(...bearer(ann.token)).send({ type: 'rebuttal', text: 'Militias on both sides coordinated the attacks.' }).expect(201)).body;
    // A socket joins its reader's room once its token is checked, a moment after it connects.
    const rooms = t.app.get(LiveGateway).namespace.adapter.rooms;
    await eventually(async () => (rooms.get(`user:${ann.user.id}`)?.size ? true : undefined));
    benReply = (await t.http().post(`/api/nodes/${annNode.id}/replies`).set(...bearer(ben.token)).send({ type: 'rebuttal', text: `Coordination is not shown by the sources, @${carl.user.username.toUpperCase()} should look.` }).expect(201)).body;
    const item = await find(ann, (n) => n.kind === 'reply' && n.nodeId === benReply.id);
    expect(item).toMatchObject({ actorName: ben.user.username, articleId: article.id, read: false, text: expect.stringContaining('Coordination is not shown') });
    const live = await annSocket.waitFor((e) => e.name === 'notification:created' && e.payload.nodeId === benReply.id);
    expect(live.payload).toMatchObject({ kind: 'reply', text: expect.stringContaining('Coordination') });
    expect(benSocket.events.some((e) => e.name === 'notification:created')).toBe(false);
    // No one is told of their own reply.
    expect((await notificationsOf(ben)).items).toHaveLength(0);
  });

  it('tells a mentioned reader, once', async () => {
    const item = await find(carl, (n) => n.kind === 'mention' && n.nodeId === benReply.id);
    expect(item.actorName).toBe(ben.user.username);
    expect((await notificationsOf(carl)).items.filter((n) => n.nodeId === benReply.id)).toHaveLength(1);
  });

  it('summarises ratings of an argument for its author', async () => {
    await t.http().put(`/api/nodes/${annNode.id}/vote`).set(...bearer(ben.token)).send({ value: 4 }).expect(200);
    await t.http().put(`/api/nodes/${annNode.id}/vote`).set(...bearer(carl.token)).send({ value: 2 }).expect(200);
    const item = await find(ann, (n) => n.kind === 'votes' && n.nodeId === annNode.id && n.text.startsWith('2 new ratings'));
    expect(item.text).toContain('Militias on both sides');
    expect((await notificationsOf(ann)).items.filter((n) => n.kind === 'votes')).toHaveLength(1);
  });

  it('marks read by id and all, only the reader’s own', async () => {
    const before = await notificationsOf(ann);
    expect(before.unread).toBe(2);
    const replyItem = before.items.find((n) => n.kind === 'reply')!;
    // Someone else's ids are ignored.
    await t.http().post('/api/notifications/read').set(...bearer(ben.token)).send({ ids: [replyItem.id] }).expect(200);
    expect((await notificationsOf(ann)).unread).toBe(2);
    expect((await t.http().post('/api/notifications/read').set(...bearer(ann.token)).send({ ids: [replyItem.id] }).expect(200)).body).toEqual({ unread: 1 });
    expect((await t.http().post('/api/notifications/read').set(...bearer(ann.token)).send({ all: true }).expect(200)).body).toEqual({ unread: 0 });
    // A summary read still says what it said when it was read.
    expect((await notificationsOf(ann)).items.find((n) => n.kind === 'votes')).toMatchObject({ read: true, text: expect.stringMatching(/^2 new ratings on/) });
    // A rating after the summary was read starts a new count.
    await t.http().put(`/api/nodes/${annNode.id}/vote`).set(...bearer(mod.token)).send({ value: 5 }).expect(200);
    const again = await find(ann, (n) => n.kind === 'votes' && !n.read);
    expect(again.text).toMatch(/^1 new rating on/);
    expect((await notificationsOf(ann)).items.filter((n) => n.kind === 'votes')).toHaveLength(1);
  });

  it('tells an author why a moderator hid their post, and hidden text leaves everyone else’s notifications', async () => {
    await t.http().post(`/api/moderation/nodes/${benReply.id}`).set(...bearer(mod.token)).send({ action: 'hide', reason: 'Speculation about named people' }).expect(200);
    const decision = await find(ben, (n) => n.kind === 'moderation' && n.nodeId === benReply.id);
    expect(decision.text).toMatch(/was hidden by a moderator\. Reason: Speculation about named people$/);
    expect(decision.actorName).toBe(mod.user.username);
    // No code given: the decision is filed under other, and the notification says so.
    expect(decision.reasonCode).toBe('other');
    const annItem = (await notificationsOf(ann)).items.find((n) => n.kind === 'reply' && n.nodeId === benReply.id)!;
    expect(annItem.text).toBe('');
    const carlItem = (await notificationsOf(carl)).items.find((n) => n.nodeId === benReply.id)!;
    expect(carlItem.text).toBe('');
  });

  it('pages newest first', async () => {
    const first = await notificationsOf(ann, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await notificationsOf(ann, `?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(Date.parse(second.items[0].createdAt)).toBeLessThanOrEqual(Date.parse(first.items[0].createdAt));
  });

  it('refuses anonymous readers and bad input with 4xx JSON', async () => {
    await t.http().get('/api/notifications').expect(401);
    for (const body of [{}, { ids: [] }, { all: false }, { ids: ['x'], all: true }, { ids: 'x' }]) {
      const res = await t.http().post('/api/notifications/read').set(...bearer(ann.token)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toEqual(expect.any(String));
    }
    expect((await t.http().get('/api/notifications?limit=1000').set(...bearer(ann.token))).status).toBe(400);
  });

  it('shows a profile: public arguments to everyone, hidden ones and the record to moderators', async () => {
    const anon: UserProfile = (await t.http().get(`/api/users/${ben.user.username}`).expect(200)).body;
    expect(anon).toMatchObject({ username: ben.user.username, role: 'participant', standing: 'active' });
    expect(anon.arguments).toHaveLength(0); // ben's only reply is hidden
    expect(anon.moderation).toBeUndefined();
    const own: UserProfile = (await t.http().get(`/api/users/${ben.user.username}`).set(...bearer(ben.token)).expect(200)).body;
    expect(own.arguments.map((a) => a.status)).toEqual(['hidden']);
    const seen: UserProfile = (await t.http().get(`/api/users/${ben.user.username.toUpperCase()}`).set(...bearer(mod.token)).expect(200)).body;
    expect(seen.moderation?.history.map((h) => h.action)).toContain('hide');
    const annProfile: UserProfile = (await t.http().get(`/api/users/${ann.user.username}`).expect(200)).body;
    expect(annProfile.arguments).toHaveLength(1);
    expect(annProfile.arguments[0]).toMatchObject({ id: annNode.id, articleTitle: article.title, votes: { count: 3, mean: (4 + 2 + 5) / 3 } });
    expect(annProfile.stats).toMatchObject({ arguments: 1, votesReceived: 3 });
    expect(annProfile.arguments[0].strength).toBeGreaterThanOrEqual(0);
    expect(annProfile.arguments[0].rated).toBe(true);
    expect((await t.http().get('/api/users/nobody_here')).status).toBe(404);
    expect((await t.http().get('/api/users/no%20spaces')).status).toBe(400);
  });

  it('searches titles and public arguments, never hidden ones', async () => {
    const byText: SearchResponse = (await t.http().get('/api/search?q=MILITIAS on  both').expect(200)).body;
    expect(byText.items.find((i) => i.id === annNode.id)).toMatchObject({ kind: 'node', articleId: article.id, title: article.title, excerpt: expect.stringContaining('Militias on both sides') });
    const hidden: SearchResponse = (await t.http().get('/api/search?q=Coordination is not shown').expect(200)).body;
    expect(hidden.items).toHaveLength(0);
    const byTitle: SearchResponse = (await t.http().get(`/api/search?q=${encodeURIComponent(article.title.split(':')[0])}`).expect(200)).body;
    expect(byTitle.items[0]).toMatchObject({ kind: 'article', id: article.id });
    const regex: SearchResponse = (await t.http().get(`/api/search?q=${encodeURIComponent('(a+)+$')}`).expect(200)).body;
    expect(regex.items).toHaveLength(0);
    // Read into memory by now: what is posted and hidden afterwards reaches the index by live events.
    const fresh: ArgumentNode = (await t.http().post(`/api/articles/${article.id}/paragraphs/3/replies`).set(...bearer(carl.token)).send({ type: 'support', text: 'The zanzibarite report says so.' }).expect(201)).body;
    const found = await eventually(async () => ((await t.http().get('/api/search?q=zanzibarite').expect(200)).body as SearchResponse).items.find((i) => i.id === fresh.id));
    expect(found.excerpt).toContain('zanzibarite report');
    await t.http().post(`/api/moderation/nodes/${fresh.id}`).set(...bearer(mod.token)).send({ action: 'remove', reason: 'Test.' }).expect(200);
    expect(((await t.http().get('/api/search?q=zanzibarite').expect(200)).body as SearchResponse).items).toHaveLength(0);
    expect((await t.http().get('/api/search?q=a')).status).toBe(400);
    expect((await t.http().get(`/api/search?q=${'x'.repeat(101)}`)).status).toBe(400);
  });
});
