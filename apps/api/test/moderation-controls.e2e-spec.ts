import type { ArgumentNode } from '@agora/shared';
import { bearer, moderationWorld, postReply, register, type ModerationWorld, type Who } from './support/moderation-world';
import { startTestApp } from './support/test-app';

/** What locks, pins, suspensions and bans do to everyone else's requests. */
describe('moderation controls (e2e)', () => {
  let w: ModerationWorld;

  beforeAll(async () => {
    w = await moderationWorld(await startTestApp());
  });
  afterAll(() => w.t.close());

  const as = (by: Who) => ({
    replyTo: (nodeId: string, text = 'A reply.') => w.t.http().post(`/api/nodes/${nodeId}/replies`).set(...bearer(by.token)).send({ type: 'support', text }),
    replyToParagraph: (index: number, text = 'A paragraph reply.') =>
      w.t.http().post(`/api/articles/${w.article.id}/paragraphs/${index}/replies`).set(...bearer(by.token)).send({ type: 'rebuttal', text }),
    vote: (nodeId: string, value = 4) => w.t.http().put(`/api/nodes/${nodeId}/vote`).set(...bearer(by.token)).send({ value }),
    edit: (nodeId: string, text = 'Edited text.') => w.t.http().patch(`/api/nodes/${nodeId}`).set(...bearer(by.token)).send({ text }),
    flag: (nodeId: string) => w.t.http().post(`/api/nodes/${nodeId}/flags`).set(...bearer(by.token)).send({ reason: 'spam' }),
    lockNode: (nodeId: string, locked: boolean) => w.t.http().post(`/api/moderation/nodes/${nodeId}/lock`).set(...bearer(by.token)).send({ locked }),
    lockArticle: (locked: boolean) => w.t.http().post(`/api/moderation/articles/${w.article.id}/lock`).set(...bearer(by.token)).send({ locked }),
    pin: (nodeId: string, pinned: boolean) => w.t.http().post(`/api/moderation/nodes/${nodeId}/pin`).set(...bearer(by.token)).send({ pinned }),
    sanction: (userId: string, action: 'suspend' | 'ban' | 'unban', until?: Date) =>
      w.t
        .http()
        .post(`/api/moderation/users/${userId}/${action}`)
        .set(...bearer(by.token))
        .send(action === 'suspend' ? { until: (until ?? new Date(Date.now() + 3600e3)).toISOString(), reason: 'cool down' } : { reason: 'enough' }),
  });

  describe('locks', () => {
    it('a locked node refuses replies, votes and edits anywhere in its subtree with 423, until unlocked', async () => {
      const top = await postReply(w, w.author, 'The top of a heated thread.', 10);
      const mid = (await as(w.reader).replyTo(top.id, 'A reply in the middle.').expect(201)).body as ArgumentNode;
      await as(w.moderator).lockNode(top.id, true).expect(200);

      const reply = await as(w.reader).replyTo(mid.id);
      expect(reply.status).toBe(423);
      expect(reply.body).toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/locked/) });
      expect((await as(w.reader).replyTo(top.id)).status).toBe(423);
      expect((await as(w.reader).vote(top.id)).status).toBe(423);
      expect((await as(w.author).vote(mid.id)).status).toBe(423);
      expect((await as(w.reader).edit(mid.id)).status).toBe(423);
      // Elsewhere in the article nothing changes.
      expect((await as(w.reader).replyToParagraph(11)).status).toBe(201);

      await as(w.moderator).lockNode(top.id, false).expect(200);
      expect((await as(w.reader).replyTo(mid.id)).status).toBe(201);
      expect((await as(w.reader).vote(top.id)).status).toBe(200);
    });

    it('a locked paragraph claim refuses replies to the paragraph', async () => {
      const claim = w.article.paragraphs[12].nodeId!;
      await as(w.moderator).lockNode(claim, true).expect(200);
      expect((await as(w.reader).replyToParagraph(12)).status).toBe(423);
      await as(w.admin).lockNode(claim, false).expect(200);
      expect((await as(w.reader).replyToParagraph(12)).status).toBe(201);
    });

    it('a locked article refuses replies and votes everywhere in it', async () => {
      const node = await postReply(w, w.author, 'Before the article lock.', 13);
      await as(w.moderator).lockArticle(true).expect(200);
      expect((await w.t.http().get(`/api/articles/${w.article.id}`).expect(200)).body.locked).toBe(true);
      const reply = await as(w.reader).replyToParagraph(13);
      expect(reply.status).toBe(423);
      expect(reply.body.message).toMatch(/article is locked/);
      expect((await as(w.reader).replyTo(node.id)).status).toBe(423);
      expect((await as(w.reader).vote(node.id)).status).toBe(423);
      await as(w.moderator).lockArticle(false).expect(200);
      expect((await as(w.reader).replyToParagraph(13)).status).toBe(201);
    });
  });

  describe('pins', () => {
    it('puts a pinned node first among its siblings in every sort, and back when unpinned', async () => {
      const first = await postReply(w, w.author, 'The oldest sibling.', 14);
      await postReply(w, w.reader, 'A middle sibling.', 14);
      const last = await postReply(w, w.reader, 'The newest sibling.', 14);
      const claim = w.article.paragraphs[14].nodeId!;
      const order = async (sort: string): Promise<string[]> =>
        ((await w.t.http().get(`/api/nodes/${claim}/children?sort=${sort}`).expect(200)).body.items as ArgumentNode[]).map((n) => n.id);

      expect((await order('new'))[0]).toBe(last.id);
      await as(w.moderator).pin(first.id, true).expect(200);
      for (const sort of ['new', 'strength', 'votes']) expect((await order(sort))[0]).toBe(first.id);
      await as(w.moderator).pin(first.id, false).expect(200);
      expect((await order('new'))[0]).toBe(last.id);
    });
  });

  describe('suspensions and bans', () => {
    let target: Who;
    let someone: ArgumentNode;
    let own: ArgumentNode;

    beforeAll(async () => {
      target = await register(w.t, 'target');
      someone = await postReply(w, w.author, 'Someone else wrote this.', 15);
      own = await postReply(w, target, 'The target wrote this.', 15);
    });

    const expectRefusedEverything = async (code: 'SUSPENDED' | 'BANNED', message: RegExp) => {
      for (const res of [
        await as(target).replyToParagraph(15),
        await as(target).replyTo(someone.id),
        await as(target).vote(someone.id),
        await as(target).flag(someone.id),
        await as(target).edit(own.id),
        await w.t.http().delete(`/api/nodes/${own.id}`).set(...bearer(target.token)),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ code, message: expect.stringMatching(message) });
      }
    };

    it('a suspension stops posting, voting, flagging and editing at once, saying until when', async () => {
      const until = new Date(Date.now() + 2 * 3600e3);
      const res = await as(w.moderator).sanction(target.id, 'suspend', until).expect(200);
      expect(res.body.suspendedUntil).toBe(until.toISOString());
      await expectRefusedEverything('SUSPENDED', new RegExp(`suspended until ${until.toISOString().slice(0, 16)}`));
      const refused = await as(target).replyToParagraph(15);
      expect(refused.body.details).toEqual({ until: until.toISOString() });
      // Reading is still allowed.
      expect((await w.t.http().get(`/api/nodes/${someone.id}`).set(...bearer(target.token))).status).toBe(200);
    });

    it('unban lifts a suspension', async () => {
      await as(w.moderator).sanction(target.id, 'unban').expect(200);
      expect((await as(target).replyToParagraph(15, 'Back after a suspension.')).status).toBe(201);
    });

    it('a ban stops everything until unbanned', async () => {
      await as(w.moderator).sanction(target.id, 'ban').expect(200);
      await expectRefusedEverything('BANNED', /banned/);
      await as(w.admin).sanction(target.id, 'unban').expect(200);
      expect((await as(target).vote(someone.id)).status).toBe(200);
      expect((await as(target).flag(someone.id)).status).toBe(201);
      expect((await as(target).edit(own.id, 'Edited after the ban.')).status).toBe(200);
    });

    it('a suspension ends by itself when its time is up', async () => {
      await as(w.moderator).sanction(target.id, 'suspend', new Date(Date.now() + 1500)).expect(200);
      expect((await as(target).replyToParagraph(15)).status).toBe(403);
      await new Promise((r) => setTimeout(r, 1800));
      expect((await as(target).replyToParagraph(15, 'The suspension has run out.')).status).toBe(201);
    });

    it('the review queue shows an author\'s standing', async () => {
      const author = await register(w.t, 'standing');
      const node = await postReply(w, author, 'Soon hidden.', 15);
      await w.t.http().post(`/api/moderation/nodes/${node.id}`).set(...bearer(w.moderator.token)).send({ action: 'hide', reason: 'rude' }).expect(200);
      await as(w.moderator).sanction(author.id, 'ban').expect(200);
      const items = (await w.t.http().get('/api/moderation/queue?status=hidden').set(...bearer(w.moderator.token)).expect(200)).body.items;
      const item = items.find((i: { node: ArgumentNode }) => i.node.id === node.id);
      expect(item.author).toMatchObject({ id: author.id, banned: true });
      expect(item.authorHistory.map((e: { action: string }) => e.action)).toEqual(['ban', 'hide']);
    });
  });
});
