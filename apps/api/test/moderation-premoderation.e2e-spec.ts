import type { ArgumentNode, QueueItem } from '@agora/shared';
import { bearer, fullAudit, moderationWorld, postReply, readNode, register, registerAdminWho, type ModerationWorld, type Who } from './support/moderation-world';
import { startTestApp, type TestApp } from './support/test-app';

describe('pre-moderation (e2e)', () => {
  let w: ModerationWorld;
  let writer: Who;

  beforeAll(async () => {
    w = await moderationWorld(await startTestApp({ BANNED_WORDS: 'spamword', MAX_LINKS: '1', NEW_ACCOUNT_PREMODERATION: '1' }));
    writer = await register(w.t, 'writer');
  });
  afterAll(() => w.t.close());

  const pendingQueue = async (): Promise<QueueItem[]> =>
    (await w.t.http().get('/api/moderation/queue?status=pending').set(...bearer(w.moderator.token)).expect(200)).body.items;
  const publicTree = async (): Promise<ArgumentNode[]> => (await w.t.http().get(`/api/articles/${w.article.id}/tree`).expect(200)).body.items;

  it('holds a new account\'s first post for review, then publishes the next', async () => {
    const first = await postReply(w, writer, 'My very first post.', 4);
    expect(first.status).toBe('pending');
    expect(first.text).toBe('My very first post.');
    expect((await readNode(w.t, first.id)).status).toBe(404);
    expect((await publicTree()).some((n) => n.id === first.id)).toBe(false);
    expect((await pendingQueue()).find((i) => i.node.id === first.id)?.node.text).toBe('My very first post.');
    const second = await postReply(w, writer, 'My second post.', 4);
    expect(second.status).toBe('visible');
  });

  it('holds an edit the way it holds a new post: a harmless post edited to ten links goes back to review', async () => {
    await postReply(w, w.author, 'A first post, which a new account has held for review.', 5);
    const post = await postReply(w, w.author, 'A harmless point.', 5);
    expect(post.status).toBe('visible');
    const links = Array.from({ length: 10 }, (_, i) => `https://spam${i}.example`).join(' ');
    const edited = await w.t.http().patch(`/api/nodes/${post.id}`).set(...bearer(w.author.token)).send({ text: `Buy now ${links}` }).expect(200);
    expect(edited.body).toMatchObject({ status: 'pending', text: `Buy now ${links}` });
    expect((await readNode(w.t, post.id)).status).toBe(404);
    expect((await publicTree()).some((n) => n.id === post.id)).toBe(false);
    expect((await pendingQueue()).some((i) => i.node.id === post.id)).toBe(true);
    expect((await fullAudit(w.t, w.admin)).some((e) => e.action === 'auto-pending' && e.targetId === post.id && /edit/.test(e.reason ?? ''))).toBe(true);
    // Edited again into something harmless, it still waits for a moderator.
    const calm = await w.t.http().patch(`/api/nodes/${post.id}`).set(...bearer(w.author.token)).send({ text: 'A harmless point, again.' }).expect(200);
    expect(calm.body.status).toBe('pending');
  });

  it('refuses C1 controls, bidirectional overrides and unpaired surrogates with 400', async () => {
    const paragraphUrl = `/api/articles/${w.article.id}/paragraphs/2/replies`;
    for (const raw of ['{"type":"support","text":"a\\u0085b"}', '{"type":"support","text":"invoice\\u202Egpj.exe"}', '{"type":"support","text":"lone \\ud800 half"}', '{"type":"support","text":"a\\u2066b"}']) {
      const res = await w.t.http().post(paragraphUrl).set(...bearer(w.author.token)).set('content-type', 'application/json').send(raw);
      expect({ raw, status: res.status, code: res.body.code }).toEqual({ raw, status: 400, code: 'VALIDATION' });
    }
    const post = await postReply(w, w.author, 'Plain and fine.', 2);
    expect((await w.t.http().patch(`/api/nodes/${post.id}`).set(...bearer(w.author.token)).set('content-type', 'application/json').send('{"text":"x\\udc00"}')).status).toBe(400);
  });

  it('holds posts with a banned word, whole words only and in any case', async () => {
    expect((await postReply(w, writer, 'This is SpamWord, plainly.', 4)).status).toBe('pending');
    expect((await postReply(w, writer, 'Antispamwordy is not the word.', 4)).status).toBe('visible');
  });

  it('holds posts with more links than allowed', async () => {
    expect((await postReply(w, writer, 'One source: https://example.org/a', 4)).status).toBe('visible');
    expect((await postReply(w, writer, 'Two: https://example.org/a and www.example.com/b', 4)).status).toBe('pending');
  });

  it('records why each post was held, and approval publishes it with its counts', async () => {
    const claimId = w.article.paragraphs[7].nodeId!;
    const before = (await readNode(w.t, claimId)).node.replyCounts.rebuttal;
    const held = await postReply(w, writer, 'Another spamword rebuttal.', 7);
    expect((await readNode(w.t, claimId)).node.replyCounts.rebuttal).toBe(before);

    const entry = (await fullAudit(w.t, w.moderator)).find((e) => e.targetId === held.id && e.action === 'auto-pending');
    expect(entry).toMatchObject({ actorId: null, reason: expect.stringMatching(/banned word \("spamword"\)/), after: { status: 'pending' } });
    const reasons = (await fullAudit(w.t, w.admin)).filter((e) => e.action === 'auto-pending').map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/new account/), expect.stringMatching(/2 links/)]));

    await w.t.http().post(`/api/moderation/nodes/${held.id}`).set(...bearer(w.moderator.token)).send({ action: 'approve', reason: 'quoting, not spam' }).expect(200);
    expect((await readNode(w.t, held.id)).node.status).toBe('visible');
    expect((await readNode(w.t, claimId)).node.replyCounts.rebuttal).toBe(before + 1);
    expect((await pendingQueue()).some((i) => i.node.id === held.id)).toBe(false);
  });

  it('lets moderators hide or remove a held post instead', async () => {
    const held = await postReply(w, writer, 'spamword spamword', 4);
    await w.t.http().post(`/api/moderation/nodes/${held.id}`).set(...bearer(w.moderator.token)).send({ action: 'remove', reason: 'spam' }).expect(200);
    expect((await readNode(w.t, held.id, writer)).node).toMatchObject({ status: 'removed', text: '' });
  });
});

describe('write rate limits (e2e)', () => {
  let t: TestApp;
  let admin: Who, burst: Who, other: Who;
  let articleId: string;

  beforeAll(async () => {
    t = await startTestApp({ WRITE_RATE_LIMIT: '5' });
    // Registration is limited per IP too, so this app registers only three accounts.
    admin = await registerAdminWho(t);
    burst = await register(t, 'burst');
    other = await register(t, 'other');
    articleId = (await t.http().get('/api/articles').expect(200)).body.items[0].id;
  });
  afterAll(() => t.close());

  const post = (by: Who, text: string) => t.http().post(`/api/articles/${articleId}/paragraphs/2/replies`).set(...bearer(by.token)).send({ type: 'support', text });

  it('answers the sixth post in a minute with 429 and Retry-After, per user', async () => {
    const target = (await post(other, 'Flag target.').expect(201)).body as ArgumentNode;
    const statuses: number[] = [];
    let limited: { headers: Record<string, string>; body: { code?: string } } | null = null;
    for (let i = 0; i < 6; i++) {
      const res = await post(burst, `Burst ${i}.`);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited!.body.code).toBe('RATE_LIMITED');
    // Another user is not held back by the first one's burst.
    expect((await t.http().post(`/api/nodes/${target.id}/flags`).set(...bearer(admin.token)).send({ reason: 'spam' })).status).toBe(201);
    expect((await post(other, 'Not part of the burst.')).status).toBe(201);
  });

  it('limits moderators\' writes too', async () => {
    const claim = (await t.http().get(`/api/articles/${articleId}`).expect(200)).body.paragraphs[0].nodeId as string;
    const statuses: number[] = [];
    // The allowance is counted per route, as the throttler keys on the handler.
    for (let i = 0; i < 6; i++) {
      statuses.push((await t.http().post(`/api/moderation/nodes/${claim}/pin`).set(...bearer(admin.token)).send({ pinned: i % 2 === 0 })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    // Reading the queue and the audit log is not a write.
    expect((await t.http().get('/api/moderation/audit').set(...bearer(admin.token))).status).toBe(200);
  });
});
