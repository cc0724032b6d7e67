import type { AuditEntry, FlagView } from '@agora/shared';
import { bearer, moderationWorld, postReply, readNode, register, registerAdminWho, type ModerationWorld, type Who } from './support/moderation-world';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Trust levels with the default policy: accounts made here are new, so their flags weigh half and
 * they write at half the allowance; a flag's weight follows how often moderators agreed with its author.
 */
describe('trust levels (e2e)', () => {
  let w: ModerationWorld;

  beforeAll(async () => {
    w = await moderationWorld(await startTestApp({ FLAG_THRESHOLD: '3', TRUST_NEW_ACCOUNT_DAYS: '3', TRUST_NEW_ACCOUNT_POSTS: '3' }));
  });
  afterAll(() => w.t.close());

  const flag = async (nodeId: string, by: Who): Promise<FlagView> => (await w.t.http().post(`/api/nodes/${nodeId}/flags`).set(...bearer(by.token)).send({ reason: 'spam' }).expect(201)).body;
  const decide = (nodeId: string, action: string) => w.t.http().post(`/api/moderation/nodes/${nodeId}`).set(...bearer(w.moderator.token)).send({ action, reason: 'Reviewed.' }).expect(200);

  it('does not let three fresh accounts take a post down; a moderator’s flag on top does', async () => {
    const node = await postReply(w, w.author, 'A post three fresh accounts dislike.', 3);
    const fresh = [await register(w.t, 'fresh1'), await register(w.t, 'fresh2'), await register(w.t, 'fresh3')];
    for (const who of fresh) expect((await flag(node.id, who)).weight).toBe(0.5);
    expect((await readNode(w.t, node.id)).node.status).toBe('visible');
    expect((await flag(node.id, w.moderator)).weight).toBe(2);
    expect((await readNode(w.t, node.id, w.author)).node.status).toBe('pending');
    const audit = (await w.t.http().get('/api/moderation/audit').query({ action: 'auto-pending', userId: w.author.id }).set(...bearer(w.admin.token)).expect(200)).body.items as AuditEntry[];
    expect(audit[0].reason).toMatch(/4 open flag\(s\) weighing 3\.5 \(threshold 3\)/);
  });

  it('weighs a reader’s flags by how often moderators agreed with them', async () => {
    const reader = await register(w.t, 'flagger');
    const posts = await Promise.all([1, 2, 3, 4].map((i) => postReply(w, w.author, `Post number ${i} for the flagger.`, 4)));
    expect((await flag(posts[0].id, reader)).weight).toBe(0.5);
    await decide(posts[0].id, 'hide');
    expect((await flag(posts[1].id, reader)).weight).toBe(0.67);
    await decide(posts[1].id, 'remove');
    expect((await flag(posts[2].id, reader)).weight).toBe(0.75);
    await decide(posts[2].id, 'approve');
    // Two agreed, one disagreed: (2 + 1) / (3 + 2) = 0.6, twice that times 0.5.
    expect((await flag(posts[3].id, reader)).weight).toBe(0.6);
  });

  it('slows a thread: one reader waits between replies beneath it, others and moderators do not', async () => {
    const thread = await postReply(w, w.author, 'A heated thread that needs slowing.', 6);
    let serial = 0;
    const reply = (by: Who, parentId: string) => w.t.http().post(`/api/nodes/${parentId}/replies`).set(...bearer(by.token)).send({ type: 'rebuttal', text: `Reply number ${serial++} in the heated thread.` });
    const slow = (by: Who, body: object) => w.t.http().post(`/api/moderation/nodes/${thread.id}/slow-mode`).set(...bearer(by.token)).send(body);
    expect((await slow(w.reader, { seconds: 120 })).status).toBe(403);
    expect((await slow(w.moderator, { seconds: -1 })).status).toBe(400);
    expect((await slow(w.moderator, { seconds: 120, reason: 'Cool off' }).expect(200)).body.slowModeSeconds).toBe(120);

    const first = await reply(w.reader, thread.id).expect(201);
    const again = await reply(w.reader, first.body.id);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(120);
    await reply(w.author, first.body.id).expect(201);
    await reply(w.moderator, thread.id).expect(201);
    await reply(w.moderator, thread.id).expect(201);
    const [entry] = (await w.t.http().get('/api/moderation/audit').query({ action: 'slow-mode' }).set(...bearer(w.admin.token)).expect(200)).body.items as AuditEntry[];
    expect(entry).toMatchObject({ nodeId: thread.id, reason: 'Cool off', after: { slowModeSeconds: 120 } });

    await slow(w.moderator, { seconds: 0 }).expect(200);
    await reply(w.reader, first.body.id).expect(201);
  });
});

describe('trust levels: write allowance (e2e)', () => {
  let t: TestApp;
  let admin: Who, newcomer: Who;
  let articleId: string;

  beforeAll(async () => {
    t = await startTestApp({ WRITE_RATE_LIMIT: '6', TRUST_NEW_ACCOUNT_DAYS: '3', TRUST_NEW_ACCOUNT_POSTS: '3' });
    // Registration is limited per IP too, so this app registers only two accounts.
    admin = await registerAdminWho(t);
    newcomer = await register(t, 'newcomer');
    articleId = (await t.http().get('/api/articles').expect(200)).body.items[0].id;
  });
  afterAll(() => t.close());

  it('gives a new account half the write allowance, and a trusted one all of it', async () => {
    const post = (by: Who, i: number) => t.http().post(`/api/articles/${articleId}/paragraphs/5/replies`).set(...bearer(by.token)).send({ type: 'support', text: `Burst post ${i} by ${by.username}.` });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(newcomer, i)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(Number((await post(newcomer, 9)).headers['retry-after'])).toBeGreaterThan(0);
    const adminStatuses: number[] = [];
    for (let i = 0; i < 7; i++) adminStatuses.push((await post(admin, i)).status);
    expect(adminStatuses).toEqual([201, 201, 201, 201, 201, 201, 429]);
  });
});
