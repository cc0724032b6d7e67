import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { connectLive, type LiveClient, type RecordedEvent } from './support/live-client';
import { bearer, moderationWorld, postReply, type ModerationWorld, type Who } from './support/moderation-world';
import { startTestApp } from './support/test-app';

const textOf = (e: RecordedEvent): string | undefined => (e.payload.node as { text?: string } | undefined)?.text;
const nodeIdOf = (e: RecordedEvent): string | undefined => (e.payload.node as { id?: string } | undefined)?.id;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ['from memory', '300'],
  ['from the log', '0'],
])('live replay after hide, remove and edit (e2e, %s)', (_, memory) => {
  let w: ModerationWorld;
  const clients: LiveClient[] = [];
  const live = async (by?: Who) => {
    const c = await connectLive(w.t.baseUrl, by?.token);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    w = await moderationWorld(await startTestApp({ LIVE_REPLAY_MEMORY: memory }));
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await w.t.close();
  });

  it('gives no one text they may not read now, and the log keeps none', async () => {
    const stamp = Date.now().toString(36);
    const secrets = { hidden: `Doxxing: Jane Doe lives at 12 Example St ${stamp}`, removed: `Her phone is 555-0100 ${stamp}`, edited: `An insult I regret ${stamp}` };
    const hidden = await postReply(w, w.author, secrets.hidden);
    const removed = await postReply(w, w.author, secrets.removed);
    const edited = await postReply(w, w.author, secrets.edited);
    await w.t.http().post(`/api/moderation/nodes/${hidden.id}`).set(...bearer(w.moderator.token)).send({ action: 'hide', reason: 'doxxing' }).expect(200);
    await w.t.http().post(`/api/moderation/nodes/${removed.id}`).set(...bearer(w.admin.token)).send({ action: 'remove', reason: 'doxxing' }).expect(200);
    await w.t.http().patch(`/api/nodes/${edited.id}`).set(...bearer(w.author.token)).send({ text: `A calmer point ${stamp}` }).expect(200);
    await settle(300); // the replay log is written in batches

    const anonymous = await live();
    const ack = await anonymous.join(w.article.id, 0);
    expect(ack).toMatchObject({ ok: true });
    expect(ack.ok && ack.resync).toBeFalsy();
    const replayed = anonymous.events.filter((e) => e.name === 'node:created' || e.name === 'node:updated');
    // The replay does reach the three posts and their changes: what it leaves out is their old text.
    for (const node of [hidden, removed, edited]) expect(replayed.filter((e) => nodeIdOf(e) === node.id).length).toBeGreaterThanOrEqual(2);
    const seen = JSON.stringify(anonymous.events);
    for (const secret of Object.values(secrets)) expect(seen).not.toContain(secret);
    expect(replayed.filter((e) => nodeIdOf(e) === edited.id).every((e) => textOf(e) === `A calmer point ${stamp}`)).toBe(true);

    // A moderator replays the hidden text (they may read it now), but neither the removed nor the old edit.
    const moderator = await live(w.moderator);
    await moderator.join(w.article.id, 0);
    const modSeen = JSON.stringify(moderator.events);
    expect(modSeen).toContain(secrets.hidden);
    expect(modSeen).not.toContain(secrets.removed);
    expect(modSeen).not.toContain(secrets.edited);

    const log = await w.t.app.get<Connection>(getConnectionToken()).collection('live_log').find({}).toArray();
    expect(log.length).toBeGreaterThan(0);
    const stored = JSON.stringify(log);
    for (const secret of Object.values(secrets)) expect(stored).not.toContain(secret);
    expect(stored).not.toContain(`A calmer point ${stamp}`);
  });
});

describe('live sockets follow their account (e2e)', () => {
  let w: ModerationWorld;
  const clients: LiveClient[] = [];
  const live = async (by?: Who) => {
    const c = await connectLive(w.t.baseUrl, by?.token);
    clients.push(c);
    return c;
  };
  const hide = async (nodeId: string) => w.t.http().post(`/api/moderation/nodes/${nodeId}`).set(...bearer(w.admin.token)).send({ action: 'hide', reason: 'off-topic' }).expect(200);
  const hiddenUpdate = (c: LiveClient, nodeId: string) => c.waitFor((e) => e.name === 'node:updated' && nodeIdOf(e) === nodeId && (e.payload.node as { status: string }).status === 'hidden');
  beforeAll(async () => {
    w = await moderationWorld(await startTestApp());
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await w.t.close();
  });

  it("stops sending a banned moderator's open socket moderator-only text", async () => {
    const socket = await live(w.moderator);
    await socket.join(w.article.id);
    const before = await postReply(w, w.author, 'Hidden while the moderator is in good standing');
    await hide(before.id);
    expect(textOf(await hiddenUpdate(socket, before.id))).toBe('Hidden while the moderator is in good standing');

    await w.t.http().post(`/api/moderation/users/${w.moderator.id}/ban`).set(...bearer(w.admin.token)).send({ reason: 'leaked a hidden post' }).expect(200);
    const after = await postReply(w, w.author, 'Hidden after the ban');
    await hide(after.id);
    expect(textOf(await hiddenUpdate(socket, after.id))).toBe('');
    // And a replay on the same socket gives no hidden text either.
    await socket.socket.timeout(5000).emitWithAck('leave', { articleId: w.article.id });
    socket.events.length = 0;
    await socket.join(w.article.id, 0);
    expect(JSON.stringify(socket.events)).not.toContain('Hidden while the moderator is in good standing');
    await w.t.http().post(`/api/moderation/users/${w.moderator.id}/unban`).set(...bearer(w.admin.token)).send({ reason: 'appeal upheld' }).expect(200);
  });

  it("downgrades a demoted moderator's socket at once", async () => {
    const mod = (await w.t.http().post('/api/auth/login').send({ username: w.moderator.username, password: 'correct horse battery' }).expect(200)).body.token as string;
    const socket = await live({ ...w.moderator, token: mod });
    await socket.join(w.article.id);
    await w.t.http().post(`/api/admin/users/${w.moderator.id}/role`).set(...bearer(w.admin.token)).send({ role: 'participant' }).expect(200);
    const node = await postReply(w, w.author, 'Hidden after the demotion');
    await hide(node.id);
    expect(textOf(await hiddenUpdate(socket, node.id))).toBe('');
  });

  it('closes the sockets of an account that logs out', async () => {
    const socket = await live(w.reader);
    await socket.join(w.article.id);
    const closed = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));
    await w.t.http().post('/api/auth/logout').set(...bearer(w.reader.token)).expect(204);
    await expect(closed).resolves.toBe('io server disconnect');
  });

  it('closes a socket when its token runs out', async () => {
    const u = await startTestApp({ JWT_TTL: '2s' }, { seed: false });
    try {
      const res = await u.http().post('/api/auth/register').send({ username: `short_${Date.now().toString(36)}`, password: 'correct horse battery' }).expect(201);
      const socket = await connectLive(u.baseUrl, res.body.token);
      clients.push(socket);
      const started = Date.now();
      await new Promise((resolve) => socket.socket.once('disconnect', resolve));
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await u.close();
    }
  });
});

describe('a long live replay (e2e)', () => {
  it('goes out in pages, whole and in order, each with the text as it is now', async () => {
    const w = await moderationWorld(await startTestApp());
    const reader = await connectLive(w.t.baseUrl);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 450; i++) ids.push((await postReply(w, w.author, `Reply number ${i}`, i % 5)).id);
      await w.t.http().patch(`/api/nodes/${ids[10]}`).set(...bearer(w.author.token)).send({ text: 'Reply number ten, edited' }).expect(200);
      await settle(300);
      const ack = await reader.join(w.article.id, 0);
      expect(ack).toMatchObject({ ok: true });
      expect(ack.ok && ack.resync).toBeFalsy();
      const created = reader.events.filter((e) => e.name === 'node:created');
      expect(created.map(nodeIdOf)).toEqual(ids);
      expect(reader.seqs().every((s, i, all) => i === 0 || s === all[i - 1] + 1)).toBe(true);
      expect(textOf(created[10])).toBe('Reply number ten, edited');
      expect(textOf(created[449])).toBe('Reply number 449');
    } finally {
      reader.close();
      await w.t.close();
    }
  }, 180_000);
});
