import type { AppealView, AuditEntry, ModeratorNote, Notification, Page, UserDossier, UserStanding } from '@agora/shared';
import { bearer, moderationWorld, postReply, readNode, register, type ModerationWorld, type Who } from './support/moderation-world';
import { startTestApp } from './support/test-app';

/**
 * Moderation that explains itself: every decision carries a reason and a reason code, the author reads
 * them and may appeal once to another moderator; moderators keep private notes, find users in a
 * directory, and read an audit log that names people and links to threads.
 */
describe('moderation that explains itself (e2e)', () => {
  let w: ModerationWorld;
  let mod2: Who;

  beforeAll(async () => {
    w = await moderationWorld(await startTestApp());
    mod2 = await register(w.t, 'mod2');
    await w.t.http().post(`/api/admin/users/${mod2.id}/role`).set(...bearer(w.admin.token)).send({ role: 'moderator' }).expect(200);
  });
  afterAll(() => w.t.close());

  const post = (path: string, body: object, by: Who) => w.t.http().post(path).set(...bearer(by.token)).send(body);
  const get = (path: string, by: Who, query: Record<string, string> = {}) => w.t.http().get(path).query(query).set(...bearer(by.token));
  const audit = async (query: Record<string, string>, by: Who = w.moderator): Promise<AuditEntry[]> => (await get('/api/moderation/audit', by, query).expect(200)).body.items;

  it('refuses a hide, remove, suspension or ban without a reason, and changes nothing', async () => {
    const node = await postReply(w, w.author, 'A post nobody may hide without saying why.', 3);
    const target = await register(w.t, 'noreason');
    const until = new Date(Date.now() + 3600e3).toISOString();
    for (const body of [{ action: 'hide' }, { action: 'hide', reason: '' }, { action: 'remove', reason: '   ' }, { action: 'hide', reason: 'ok', reasonCode: 'rude' }]) {
      const res = await post(`/api/moderation/nodes/${node.id}`, body, w.moderator);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code: 'VALIDATION' });
    }
    expect((await post(`/api/moderation/users/${target.id}/suspend`, { until, reason: '' }, w.moderator)).status).toBe(400);
    expect((await post(`/api/moderation/users/${target.id}/suspend`, { until }, w.moderator)).status).toBe(400);
    expect((await post(`/api/moderation/users/${target.id}/ban`, {}, w.moderator)).status).toBe(400);
    expect((await post(`/api/moderation/users/${target.id}/ban`, { reason: '\u200b' }, w.moderator)).status).toBe(400);
    expect((await readNode(w.t, node.id)).node.status).toBe('visible');
    const dossier = (await get(`/api/moderation/users/${target.id}`, w.moderator).expect(200)).body as UserDossier;
    expect(dossier.user).toMatchObject({ suspendedUntil: null, banned: false });
    expect(await audit({ userId: target.id })).toEqual([]);
  });

  it('stores the reason code (other when none is given), and shows the decision to the author only', async () => {
    const spam = await postReply(w, w.author, 'Buy cheap watches at example dot com.', 3);
    const plain = await postReply(w, w.author, 'A post hidden with no code given.', 3);
    await post(`/api/moderation/nodes/${spam.id}`, { action: 'hide', reason: 'Advertising', reasonCode: 'spam' }, w.moderator).expect(200);
    await post(`/api/moderation/nodes/${plain.id}`, { action: 'remove', reason: 'Off the point' }, w.moderator).expect(200);

    const [hidden] = await audit({ userId: w.author.id, action: 'hide' });
    expect(hidden).toMatchObject({
      action: 'hide',
      reason: 'Advertising',
      reasonCode: 'spam',
      actorName: w.moderator.username,
      subjectUserId: w.author.id,
      subjectUserName: w.author.username,
      articleId: w.article.id,
      nodeId: spam.id,
      excerpt: 'Buy cheap watches at example dot com.',
    });
    const [removed] = await audit({ userId: w.author.id, action: 'remove' });
    expect(removed).toMatchObject({ reason: 'Off the point', reasonCode: 'other', nodeId: plain.id });

    const asAuthor = (await readNode(w.t, spam.id, w.author)).node;
    expect(asAuthor.moderation).toMatchObject({ decisionId: hidden.id, action: 'hide', reason: 'Advertising', reasonCode: 'spam', appeal: null });
    // Removed text is for admins only, but its author still learns why.
    expect((await readNode(w.t, plain.id, w.author)).node.moderation).toMatchObject({ action: 'remove', reason: 'Off the point', reasonCode: 'other' });
    expect((await readNode(w.t, spam.id, w.moderator)).node.moderation?.reason).toBe('Advertising');
    expect((await readNode(w.t, spam.id, w.reader)).node.moderation).toBeUndefined();
    expect((await readNode(w.t, spam.id)).node.moderation).toBeUndefined();
  });

  it('tells the author the decision with its reason code in their notifications', async () => {
    const node = await postReply(w, w.author, 'A post that will be hidden for abuse.', 3);
    await post(`/api/moderation/nodes/${node.id}`, { action: 'hide', reason: 'Name-calling', reasonCode: 'abuse' }, w.moderator).expect(200);
    let found: Notification | undefined;
    for (let i = 0; i < 50 && !found; i++) {
      const page = (await get('/api/notifications', w.author).expect(200)).body as { items: Notification[] };
      found = page.items.find((n) => n.kind === 'moderation' && n.nodeId === node.id);
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toMatchObject({ reasonCode: 'abuse', text: expect.stringContaining('Name-calling') });
  });

  it('records a lock reason and code when given', async () => {
    const node = await postReply(w, w.author, 'A thread that gets locked with a reason.', 3);
    await post(`/api/moderation/nodes/${node.id}/lock`, { locked: true, reason: 'Going in circles', reasonCode: 'off-topic' }, w.moderator).expect(200);
    const [lock] = (await audit({ action: 'lock', userId: w.author.id })).filter((e) => e.nodeId === node.id);
    expect(lock).toMatchObject({ reason: 'Going in circles', reasonCode: 'off-topic' });
  });

  describe('appeals', () => {
    let node: { id: string };
    let appeal: AppealView;

    beforeAll(async () => {
      node = await postReply(w, w.author, 'My source was mistaken for an advert.', 3);
      await post(`/api/moderation/nodes/${node.id}`, { action: 'hide', reason: 'Advertising', reasonCode: 'spam' }, w.moderator).expect(200);
    });

    it('only the author appeals, only a decision, and only once', async () => {
      const visible = await postReply(w, w.author, 'Nothing to appeal here.', 3);
      expect((await post(`/api/nodes/${visible.id}/appeal`, { statement: 'Why?' }, w.author)).status).toBe(400);
      expect((await post(`/api/nodes/${node.id}/appeal`, { statement: 'Not mine to appeal.' }, w.reader)).body.code).toBe('FORBIDDEN');
      expect((await post(`/api/nodes/${node.id}/appeal`, { statement: '' }, w.author)).status).toBe(400);
      const first = await post(`/api/nodes/${node.id}/appeal`, { statement: 'The link is my source.' }, w.author);
      expect(first.status).toBe(201);
      appeal = first.body as AppealView;
      expect(appeal).toMatchObject({ nodeId: node.id, status: 'open', decidedById: w.moderator.id, decidedByName: w.moderator.username, reason: 'Advertising', reasonCode: 'spam' });
      const second = await post(`/api/nodes/${node.id}/appeal`, { statement: 'Again.' }, w.author);
      expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'ALREADY_APPEALED' });
      expect((await readNode(w.t, node.id, w.author)).node.moderation?.appeal).toBe('open');
    });

    it('goes to every moderator but the one who decided, who may not decide it', async () => {
      const listFor = async (by: Who) => ((await get('/api/moderation/appeals', by).expect(200)).body as Page<AppealView>).items.map((a) => a.id);
      expect(await listFor(w.moderator)).not.toContain(appeal.id);
      expect(await listFor(mod2)).toContain(appeal.id);
      expect(await listFor(w.admin)).toContain(appeal.id);
      expect((await get('/api/moderation/appeals', w.author)).status).toBe(403);
      const own = await post(`/api/moderation/appeals/${appeal.id}`, { outcome: 'overturn', reason: 'I was wrong.' }, w.moderator);
      expect({ status: own.status, code: own.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect((await readNode(w.t, node.id, w.author)).node.status).toBe('hidden');
    });

    it('overturned by another moderator: the post is back, the appeal audited and the author told; decided once', async () => {
      const res = await post(`/api/moderation/appeals/${appeal.id}`, { outcome: 'overturn', reason: 'It is a source.' }, mod2).expect(200);
      expect(res.body).toMatchObject({ status: 'overturned', resolvedByName: mod2.username, resolution: 'It is a source.' });
      const back = (await readNode(w.t, node.id)).node;
      expect(back.status).toBe('visible');
      expect((await readNode(w.t, node.id, w.author)).node.moderation).toBeUndefined();
      const [entry] = await audit({ action: 'appeal-overturned', actorId: mod2.id });
      expect(entry).toMatchObject({ nodeId: node.id, subjectUserName: w.author.username, reason: 'It is a source.' });
      const again = await post(`/api/moderation/appeals/${appeal.id}`, { outcome: 'uphold', reason: 'Changed my mind.' }, w.admin);
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'APPEAL_DECIDED' });
      expect(((await get('/api/moderation/appeals', mod2, { status: 'overturned' }).expect(200)).body as Page<AppealView>).items.map((a) => a.id)).toContain(appeal.id);
      let told = false;
      for (let i = 0; i < 50 && !told; i++) {
        const items = ((await get('/api/notifications', w.author).expect(200)).body as { items: Notification[] }).items;
        told = items.some((n) => n.nodeId === node.id && /appeal/i.test(n.text) && /granted/.test(n.text));
        if (!told) await new Promise((r) => setTimeout(r, 100));
      }
      expect(told).toBe(true);
    });

    it('upheld: the post stays out of view and the author sees the appeal turned down', async () => {
      const other = await postReply(w, w.author, 'Another post, rightly hidden.', 3);
      await post(`/api/moderation/nodes/${other.id}`, { action: 'hide', reason: 'Insults', reasonCode: 'abuse' }, w.admin).expect(200);
      const filed = (await post(`/api/nodes/${other.id}/appeal`, { statement: 'Please look again.' }, w.author).expect(201)).body as AppealView;
      await post(`/api/moderation/appeals/${filed.id}`, { outcome: 'uphold', reason: 'Still insults.' }, w.moderator).expect(200);
      const seen = (await readNode(w.t, other.id, w.author)).node;
      expect({ status: seen.status, appeal: seen.moderation?.appeal }).toEqual({ status: 'hidden', appeal: 'upheld' });
      expect((await audit({ action: 'appeal-upheld', actorId: w.moderator.id }))[0]).toMatchObject({ nodeId: other.id, reason: 'Still insults.' });
    });
  });

  it('keeps moderators’ notes on users private to moderators', async () => {
    const target = await register(w.t, 'noted');
    const note = (await post(`/api/moderation/users/${target.id}/notes`, { text: 'Warned about links.' }, w.moderator).expect(201)).body as ModeratorNote;
    expect(note).toMatchObject({ userId: target.id, authorName: w.moderator.username, text: 'Warned about links.' });
    expect(((await get(`/api/moderation/users/${target.id}/notes`, mod2).expect(200)).body as ModeratorNote[]).map((n) => n.text)).toEqual(['Warned about links.']);
    for (const who of [target, w.reader]) {
      expect((await get(`/api/moderation/users/${target.id}/notes`, who)).status).toBe(403);
      expect((await get(`/api/moderation/users/${target.id}`, who)).status).toBe(403);
      expect((await post(`/api/moderation/users/${target.id}/notes`, { text: 'Sneaky.' }, who)).status).toBe(403);
    }
    expect(JSON.stringify((await w.t.http().get(`/api/users/${target.username}`)).body)).not.toContain('Warned about links');
    expect((await post(`/api/moderation/users/${target.id}/notes`, { text: '' }, w.moderator)).status).toBe(400);
    expect(((await get(`/api/moderation/users/${target.id}`, w.moderator).expect(200)).body as UserDossier).notes.map((n) => n.text)).toEqual(['Warned about links.']);
  });

  it('filters the audit log by moderator, user, action and dates, paged, and refuses bad filters', async () => {
    const target = await register(w.t, 'filtered');
    const until = new Date(Date.now() + 3600e3).toISOString();
    const since = new Date(Date.now() - 1000).toISOString();
    await post(`/api/moderation/users/${target.id}/suspend`, { until, reason: 'Cool down', reasonCode: 'abuse' }, mod2).expect(200);
    await post(`/api/moderation/users/${target.id}/ban`, { reason: 'Spam account', reasonCode: 'spam' }, w.moderator).expect(200);
    await post(`/api/moderation/users/${target.id}/unban`, {}, mod2).expect(200);

    expect((await audit({ userId: target.id })).map((e) => e.action)).toEqual(['unban', 'ban', 'suspend']);
    expect((await audit({ userId: target.id, actorId: mod2.id })).map((e) => e.action)).toEqual(['unban', 'suspend']);
    expect((await audit({ userId: target.id, action: 'ban' }))[0]).toMatchObject({ actorName: w.moderator.username, subjectUserName: target.username, reasonCode: 'spam', nodeId: null });
    expect((await audit({ userId: target.id, from: since })).length).toBe(3);
    expect(await audit({ userId: target.id, to: since })).toEqual([]);
    const page1 = (await get('/api/moderation/audit', w.moderator, { userId: target.id, limit: '2' }).expect(200)).body as Page<AuditEntry>;
    const page2 = (await get('/api/moderation/audit', w.moderator, { userId: target.id, limit: '2', cursor: page1.nextCursor! }).expect(200)).body as Page<AuditEntry>;
    expect([...page1.items, ...page2.items].map((e) => e.action)).toEqual(['unban', 'ban', 'suspend']);
    expect(page2.nextCursor).toBeNull();
    const badFilters: Record<string, string>[] = [{ action: 'explode' }, { userId: 'nope' }, { from: 'yesterday' }, { from: until, to: since }];
    for (const query of badFilters) {
      expect({ query, status: (await get('/api/moderation/audit', w.moderator, query)).status }).toEqual({ query, status: 400 });
    }
    expect((await get('/api/moderation/audit', w.reader, { userId: target.id })).status).toBe(403);
  });

  it('finds users by name prefix, suspends from the directory and lifts the suspension early', async () => {
    const stamp = Date.now().toString(36);
    const target = await register(w.t, `Dir${stamp}`);
    const search = async (q: string): Promise<UserStanding[]> => ((await get('/api/moderation/users', w.moderator, { q }).expect(200)).body as Page<UserStanding>).items;
    expect((await search(`dir${stamp}`)).map((u) => u.id)).toEqual([target.id]);
    expect((await search(`Dir${stamp}`.toUpperCase())).map((u) => u.id)).toEqual([target.id]);
    expect(await search(`zz${stamp}`)).toEqual([]);
    expect(await search('.*')).toEqual([]);
    expect((await get('/api/moderation/users', w.reader, { q: 'dir' })).status).toBe(403);

    const until = new Date(Date.now() + 24 * 3600e3).toISOString();
    await post(`/api/moderation/users/${target.id}/suspend`, { until, reason: 'Heated thread', reasonCode: 'abuse' }, w.moderator).expect(200);
    const [found] = await search(`dir${stamp}`);
    expect(found).toMatchObject({ suspendedUntil: until, suspendReason: 'Heated thread', banned: false });
    const refused = await post(`/api/articles/${w.article.id}/paragraphs/1/replies`, { type: 'support', text: 'Can I post?' }, target);
    expect(refused.body.code).toBe('SUSPENDED');

    await post(`/api/moderation/users/${target.id}/unban`, { reason: 'Calmed down' }, w.moderator).expect(200);
    const dossier = (await get(`/api/moderation/users/${target.id}`, w.moderator).expect(200)).body as UserDossier;
    expect(dossier.user).toMatchObject({ suspendedUntil: null, banned: false });
    expect(dossier.history.map((e) => [e.action, e.reasonCode])).toEqual([
      ['unban', null],
      ['suspend', 'abuse'],
    ]);
    await post(`/api/articles/${w.article.id}/paragraphs/1/replies`, { type: 'support', text: 'Back to the debate.' }, target).expect(201);
    expect((await get(`/api/moderation/users/${'0'.repeat(24)}`, w.moderator)).status).toBe(404);
  });

  it('shows flags against a user’s posts in their dossier', async () => {
    const node = await postReply(w, w.author, 'A post a reader flags.', 3);
    await post(`/api/nodes/${node.id}/flags`, { reason: 'misinformation', note: 'Wrong figure' }, w.reader).expect(201);
    const dossier = (await get(`/api/moderation/users/${w.author.id}`, w.moderator).expect(200)).body as UserDossier;
    expect(dossier.flags.find((f) => f.nodeId === node.id)).toMatchObject({ reason: 'misinformation', note: 'Wrong figure', username: w.reader.username, status: 'open' });
  });
});
