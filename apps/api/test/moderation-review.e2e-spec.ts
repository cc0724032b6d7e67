import { LIVE_NAMESPACE, type ArgumentNode, type ClientToServerEvents, type LivePayloads, type QueueItem, type ServerToClientEvents, type StrengthBreakdown } from '@agora/shared';
import mongoose from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import { bearer, fullAudit, moderationWorld, postReply, readNode, register, type ModerationWorld, type Who } from './support/moderation-world';
import { startTestApp } from './support/test-app';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Flags, the threshold, the review queue and what each action does to who can read a node. */
describe('moderation review (e2e)', () => {
  let w: ModerationWorld;
  let flaggers: Who[];

  beforeAll(async () => {
    w = await moderationWorld(await startTestApp({ FLAG_THRESHOLD: '3' }));
    flaggers = [w.reader, await register(w.t, 'flagger'), await register(w.t, 'flagger'), await register(w.t, 'flagger')];
  });
  afterAll(() => w.t.close());

  const flag = (by: Who, nodeId: string, reason = 'spam', note?: string) =>
    w.t.http().post(`/api/nodes/${nodeId}/flags`).set(...bearer(by.token)).send(note ? { reason, note } : { reason });
  const act = (by: Who, nodeId: string, action: string, reason = `${action} it`) =>
    w.t.http().post(`/api/moderation/nodes/${nodeId}`).set(...bearer(by.token)).send({ action, reason });
  const queue = async (status: string): Promise<QueueItem[]> =>
    (await w.t.http().get(`/api/moderation/queue?status=${status}`).set(...bearer(w.moderator.token)).expect(200)).body.items;
  const tree = async (by?: Who): Promise<ArgumentNode[]> => {
    const req = w.t.http().get(`/api/articles/${w.article.id}/tree`);
    return (await (by ? req.set(...bearer(by.token)) : req).expect(200)).body.items;
  };
  const claimOf = (paragraph: number): string => w.article.paragraphs[paragraph].nodeId!;
  const asAdmin = async (id: string): Promise<ArgumentNode> => (await readNode(w.t, id, w.admin)).node;

  describe('flags', () => {
    it('allows one flag per user per node, and none on your own node', async () => {
      const node = await postReply(w, w.author, 'Flag me once.', 2);
      expect((await flag(w.reader, node.id)).status).toBe(201);
      const again = await flag(w.reader, node.id, 'abuse');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_FLAGGED');
      const own = await flag(w.author, node.id);
      expect(own.status).toBe(403);
      expect(own.body.message).toMatch(/own/);
      expect((await asAdmin(node.id)).status).toBe('visible');
    });

    it('takes a reader\'s node out of public view at the threshold and queues it with its flags', async () => {
      const node = await postReply(w, w.author, 'Three readers object to this.', 2);
      await flag(flaggers[0], node.id, 'spam').expect(201);
      await flag(flaggers[1], node.id, 'abuse').expect(201);
      expect((await asAdmin(node.id)).status).toBe('visible');
      const flagged = (await queue('flagged')).find((i) => i.node.id === node.id);
      expect(flagged?.flags.map((f) => f.reason).sort()).toEqual(['abuse', 'spam']);
      await flag(flaggers[2], node.id, 'off-topic', 'not about Iraq').expect(201);

      expect((await asAdmin(node.id)).status).toBe('pending');
      expect((await readNode(w.t, node.id)).status).toBe(404);
      expect((await tree()).some((n) => n.id === node.id)).toBe(false);
      expect((await readNode(w.t, node.id, w.author)).node.text).toBe('Three readers object to this.');
      expect((await queue('flagged')).some((i) => i.node.id === node.id)).toBe(false);

      const item = (await queue('pending')).find((i) => i.node.id === node.id)!;
      expect(item.node.text).toBe('Three readers object to this.');
      expect(item.flags).toHaveLength(3);
      expect(item.flags).toContainEqual(expect.objectContaining({ reason: 'off-topic', note: 'not about Iraq', username: flaggers[2].username }));
      expect(item.author).toEqual({ id: w.author.id, username: w.author.username, suspendedUntil: null, banned: false });
      expect(item.authorHistory).toContainEqual(expect.objectContaining({ action: 'auto-pending', actorId: null, targetId: node.id }));

      const auto = (await fullAudit(w.t, w.moderator)).find((e) => e.action === 'auto-pending' && e.targetId === node.id);
      expect(auto).toMatchObject({ before: { status: 'visible' }, after: { status: 'pending' }, reason: expect.stringMatching(/3 open flag/) });

      // Approval clears the flags: the node is back, out of every queue, and can gather new flags from new readers only.
      expect((await act(w.moderator, node.id, 'approve', 'fair criticism')).status).toBe(200);
      expect((await readNode(w.t, node.id)).node).toMatchObject({ status: 'visible', text: 'Three readers object to this.' });
      for (const status of ['flagged', 'pending']) expect((await queue(status)).some((i) => i.node.id === node.id)).toBe(false);
      expect((await flag(flaggers[0], node.id)).status).toBe(409);
      await flag(flaggers[3], node.id).expect(201);
      expect((await queue('flagged')).find((i) => i.node.id === node.id)?.flags).toHaveLength(1);
      expect((await asAdmin(node.id)).status).toBe('visible');
    });

    it('leaves the article\'s own sentences up however many flags they get, but queues them', async () => {
      const sentence = (await tree()).find((n) => n.origin === 'article' && n.paragraphIndex === 5 && n.sentenceIndex !== null)!;
      for (const by of flaggers.slice(0, 3)) await flag(by, sentence.id, 'misinformation').expect(201);
      expect((await readNode(w.t, sentence.id)).node.status).toBe('visible');
      expect((await queue('flagged')).find((i) => i.node.id === sentence.id)).toMatchObject({ author: null, authorHistory: [] });
    });

    it('refuses flags on nodes out of public view', async () => {
      const node = await postReply(w, w.author, 'Already hidden.', 2);
      await act(w.moderator, node.id, 'hide').expect(200);
      expect((await flag(w.reader, node.id)).status).toBe(404);
      expect((await flag(w.admin, node.id)).status).toBe(403);
    });
  });

  describe('who reads what', () => {
    it('hidden text is for its author and moderators; removed text for admins only; replies beneath stay', async () => {
      const node = await postReply(w, w.author, 'Contested but civil.', 6);
      const child = (await w.t.http().post(`/api/nodes/${node.id}/replies`).set(...bearer(w.reader.token)).send({ type: 'support', text: 'A reply beneath.' }).expect(201)).body as ArgumentNode;

      await act(w.moderator, node.id, 'hide', 'needs a source').expect(200);
      expect((await readNode(w.t, node.id)).status).toBe(404);
      expect((await readNode(w.t, node.id, w.reader)).status).toBe(404);
      expect((await readNode(w.t, node.id, w.author)).node).toMatchObject({ status: 'hidden', text: 'Contested but civil.' });
      expect((await readNode(w.t, node.id, w.moderator)).node.text).toBe('Contested but civil.');
      expect((await readNode(w.t, child.id)).node).toMatchObject({ status: 'visible', text: 'A reply beneath.' });
      expect((await queue('hidden')).some((i) => i.node.id === node.id)).toBe(true);
      expect((await tree(w.moderator)).find((n) => n.id === node.id)?.text).toBe('Contested but civil.');
      expect((await tree()).some((n) => n.id === node.id)).toBe(false);

      await act(w.admin, node.id, 'remove', 'abusive').expect(200);
      expect((await readNode(w.t, node.id, w.author)).node).toMatchObject({ status: 'removed', text: '' });
      expect((await readNode(w.t, node.id, w.moderator)).node).toMatchObject({ status: 'removed', text: '' });
      expect((await readNode(w.t, node.id, w.admin)).node.text).toBe('Contested but civil.');
      expect((await readNode(w.t, child.id)).status).toBe(200);
      expect((await queue('hidden')).some((i) => i.node.id === node.id)).toBe(false);

      await act(w.moderator, node.id, 'restore', 'appeal upheld').expect(200);
      expect((await readNode(w.t, node.id)).node).toMatchObject({ status: 'visible', text: 'Contested but civil.' });
    });

    it('refuses transitions that do not apply', async () => {
      const node = await postReply(w, w.author, 'Transition checks.', 6);
      expect((await act(w.moderator, node.id, 'restore')).status).toBe(400);
      await act(w.moderator, node.id, 'hide').expect(200);
      expect((await act(w.moderator, node.id, 'hide')).status).toBe(400);
      expect((await act(w.moderator, node.id, 'approve')).status).toBe(400);
      await act(w.moderator, node.id, 'remove').expect(200);
      expect((await act(w.moderator, node.id, 'remove')).status).toBe(400);
      expect((await asAdmin(node.id)).status).toBe('removed');
    });
  });

  describe('strength and reply counts', () => {
    it('follow a node out of public view and back', async () => {
      // The article's count in the listing, which comes from its counters rather than its tree.
      const listed = async () => ((await w.t.http().get('/api/articles').expect(200)).body.items as { id: string; replyCount: number }[]).find((a) => a.id === w.article.id)!.replyCount;
      const claimId = claimOf(8);
      const before = await asAdmin(claimId);
      const listedBefore = await listed();
      const node = await postReply(w, w.author, 'A rebuttal that weakens the claim.', 8);
      const withReply = await asAdmin(claimId);
      expect(withReply.replyCounts.rebuttal).toBe(before.replyCounts.rebuttal + 1);
      expect(await listed()).toBe(listedBefore + 1);
      expect(withReply.strength).toBeLessThan(before.strength);

      await act(w.moderator, node.id, 'hide').expect(200);
      const hidden = await asAdmin(claimId);
      expect(hidden.replyCounts).toEqual(before.replyCounts);
      expect(await listed()).toBe(listedBefore);
      expect(hidden.strength).toBeCloseTo(before.strength, 10);
      // The root above holds the claim's new strength too.
      const root = (await w.t.http().get(`/api/nodes/${w.article.rootNodeId}/strength`).expect(200)).body as StrengthBreakdown;
      expect(root.strength).toBe((await asAdmin(w.article.rootNodeId)).strength);

      await act(w.moderator, node.id, 'restore').expect(200);
      const restored = await asAdmin(claimId);
      expect(restored.replyCounts).toEqual(withReply.replyCounts);
      expect(await listed()).toBe(listedBefore + 1);
      expect(restored.strength).toBeCloseTo(withReply.strength, 10);

      // Through the flag threshold and an approval too; by readers without a record, as earlier tests' approvals made the others' flags lighter.
      for (const by of [await register(w.t, 'clean'), await register(w.t, 'clean'), await register(w.t, 'clean')]) await flag(by, node.id).expect(201);
      expect((await asAdmin(claimId)).replyCounts).toEqual(before.replyCounts);
      expect(await listed()).toBe(listedBefore);
      await act(w.moderator, node.id, 'approve').expect(200);
      expect((await asAdmin(claimId)).replyCounts).toEqual(withReply.replyCounts);
      expect(await listed()).toBe(listedBefore + 1);
    });

    it("repairs an article's listed reply count a crash left off when its tree is next read", async () => {
      const direct = await mongoose.createConnection(w.t.config.mongoUri).asPromise();
      try {
        const counters = direct.db!.collection<{ _id: string; replies: number }>('article_counters');
        const truth = (await counters.findOne({ _id: w.article.id }))!.replies;
        // As a reply whose seq was taken and whose insert never came would leave it.
        await counters.updateOne({ _id: w.article.id }, { $inc: { replies: 1 } });
        const fresh = await startTestApp({}, { mongoUri: w.t.config.mongoUri, seed: false });
        try {
          await fresh.http().get(`/api/articles/${w.article.id}`).expect(200);
          expect((await counters.findOne({ _id: w.article.id }))!.replies).toBe(truth);
        } finally {
          await fresh.close();
        }
      } finally {
        await direct.close();
      }
    });
  });

  describe('live', () => {
    let socket: LiveSocket;
    const events: { name: string; payload: unknown }[] = [];

    beforeAll(async () => {
      socket = io(`${w.t.baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], forceNew: true });
      socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
      await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
      const ack = await socket.timeout(5000).emitWithAck('join', { articleId: w.article.id });
      expect(ack.ok).toBe(true);
    });
    afterAll(() => {
      socket.close();
    });

    const waitFor = async <T>(pick: () => T | undefined): Promise<T> => {
      for (let i = 0; i < 100; i++) {
        const found = pick();
        if (found !== undefined) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no such live event among ${events.map((e) => e.name).join(', ')}`);
    };
    const nodeUpdate = (id: string, match: (n: ArgumentNode) => boolean) => () =>
      events.find((e) => e.name === 'node:updated' && (e.payload as LivePayloads['node:updated']).node.id === id && match((e.payload as LivePayloads['node:updated']).node))
        ?.payload as LivePayloads['node:updated'] | undefined;

    it('broadcasts status changes, redacted for anonymous readers, with the strength they move', async () => {
      const node = await postReply(w, w.author, 'Watched live.', 9);
      await act(w.moderator, node.id, 'hide').expect(200);
      const hidden = await waitFor(nodeUpdate(node.id, (n) => n.status === 'hidden'));
      expect(hidden.node.text).toBe('');
      // The claim's strength, with the hidden rebuttal no longer counted, comes with the event.
      expect(hidden.strengths?.some((s) => s.nodeId === claimOf(9))).toBe(true);
      await act(w.moderator, node.id, 'restore').expect(200);
      expect((await waitFor(nodeUpdate(node.id, (n) => n.status === 'visible'))).node.text).toBe('Watched live.');
    });

    it('broadcasts locks, pins and article locks', async () => {
      const node = await postReply(w, w.author, 'Pinned and locked live.', 9);
      await w.t.http().post(`/api/moderation/nodes/${node.id}/lock`).set(...bearer(w.moderator.token)).send({ locked: true }).expect(200);
      await waitFor(nodeUpdate(node.id, (n) => n.locked));
      await w.t.http().post(`/api/moderation/nodes/${node.id}/pin`).set(...bearer(w.moderator.token)).send({ pinned: true }).expect(200);
      await waitFor(nodeUpdate(node.id, (n) => n.pinned && n.locked));
      await w.t.http().post(`/api/moderation/articles/${w.article.id}/lock`).set(...bearer(w.moderator.token)).send({ locked: true }).expect(200);
      await waitFor(() => events.find((e) => e.name === 'article:updated' && (e.payload as LivePayloads['article:updated']).article.locked));
      await w.t.http().post(`/api/moderation/articles/${w.article.id}/lock`).set(...bearer(w.moderator.token)).send({ locked: false }).expect(200);
      await waitFor(() => events.find((e) => e.name === 'article:updated' && !(e.payload as LivePayloads['article:updated']).article.locked));
    });
  });
});
