import type { ArgumentNode, ArticleDetail, AuthResponse, Perspectives } from '@agora/shared';
import { perspectivesSchema } from '@agora/shared';
import { campPurity, polarisedPopulation } from '../../../libs/shared/src/testing/polarised-population';
import { PerspectivesRepository } from '../src/modules/perspectives/perspectives.repository';
import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

/** Runs `work` over `items`, `width` at a time: the whole population at once would only queue. */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

describe('perspectives (e2e)', () => {
  let t: TestApp;
  let admin: AuthResponse;
  let article: ArticleDetail;
  /** The 30 arguments voted on: sentences of the article (leaves, so each group's strength is its own votes'). */
  let args: ArgumentNode[];
  /** Reader tokens by the population's user names (a0..a19, b0..b19, r0..r9). */
  const readers = new Map<string, AuthResponse>();
  let camps: Record<string, 'a' | 'b' | 'random'>;
  let replies: Record<'both' | 'onlyA' | 'onlyB', ArgumentNode>;
  let claim: ArgumentNode;

  const perspectives = async (token?: string): Promise<Perspectives> => {
    const req = t.http().get(`/api/articles/${article.id}/perspectives`);
    const res = await (token ? req.set(...bearer(token)) : req).expect(200);
    return perspectivesSchema.parse(res.body);
  };
  const vote = (token: string, nodeId: string, value: number) => t.http().put(`/api/nodes/${nodeId}/vote`).set(...bearer(token)).send({ value }).expect(200);

  beforeAll(async () => {
    t = await startTestApp({ PERSPECTIVES_INTERVAL_MS: '300' });
    admin = await registerUser(t, 'admin');
    const list = await t.http().get('/api/articles').expect(200);
    article = (await t.http().get(`/api/articles/${list.body.items[0].id}`).expect(200)).body;
    const tree: ArgumentNode[] = (await t.http().get(`/api/articles/${article.id}/tree`).expect(200)).body.items;
    args = tree.filter((n) => n.depth === 2 && (tree.filter((c) => c.parentId === n.id).length === 0)).slice(0, 30);
    expect(args).toHaveLength(30);
    claim = tree.find((n) => n.type === 'claim' && n.depth === 1)!;
    const post = async (text: string) => (await t.http().post(`/api/nodes/${claim.id}/replies`).set(...bearer(admin.token)).send({ type: 'support', text }).expect(201)).body as ArgumentNode;
    replies = { both: await post('Both sides can accept this.'), onlyA: await post('Only camp a likes this.'), onlyB: await post('Only camp b likes this.') };

    const population = polarisedPopulation(args.map((a) => a.id), 20, 10, 7);
    camps = population.camps;
    await inBatches(Object.keys(camps), 6, async (name) => readers.set(name, await registerUser(t, name)));
    await inBatches(population.votes, 8, (v) => vote(readers.get(v.userId)!.token, v.nodeId, v.value));
    // The bridging reply is rated 4 by both camps; each partisan one 5 by its camp and 3 by the other:
    // the same totals, so the same strength for everyone, but not for each group.
    await inBatches(Object.keys(camps).filter((n) => camps[n] !== 'random'), 8, async (name) => {
      const token = readers.get(name)!.token;
      const a = camps[name] === 'a';
      await vote(token, replies.both.id, 4);
      await vote(token, replies.onlyA.id, a ? 5 : 3);
      await vote(token, replies.onlyB.id, a ? 3 : 5);
    });
    const votedAt = Date.now();
    // The job runs in the background: wait for a computation that began after the last vote.
    for (let i = 0; i < 100; i++) {
      const p = await perspectives();
      if (p.computedAt && Date.parse(p.computedAt) > votedAt) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // And until no computation is under way or due: the tests below claim the job themselves.
    const repository = t.app.get(PerspectivesRepository);
    for (let quiet = 0, last = -1; quiet < 3; ) {
      await new Promise((r) => setTimeout(r, 400));
      const stored = (await repository.find(article.id))!;
      quiet = stored.claimedBy === null && stored.version === last ? quiet + 1 : 0;
      last = stored.version;
    }
  }, 240_000);
  afterAll(() => t.close());

  it('recovers the two camps as two groups with at least 90% purity', async () => {
    const p = await perspectives();
    expect(p.groups).toHaveLength(2);
    expect(p.groups.every((g) => g.size >= 5 && /^Group [A-Z]+$/.test(g.label))).toBe(true);
    const members: Record<string, string> = {};
    for (const [name, auth] of readers) {
      const mine = (await perspectives(auth.token)).myGroup;
      if (mine !== undefined) members[name] = mine;
    }
    expect(campPurity(members, camps)).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(members).filter((n) => camps[n] !== 'random').length).toBeGreaterThanOrEqual(36);
  });

  it('gives each group the strengths of its own votes, and shows where they disagree', async () => {
    const groupOf = async (name: string) => (await perspectives(readers.get(name)!.token)).myGroup!;
    const [groupA, groupB] = [await groupOf('a0'), await groupOf('b0')];
    expect(groupA).not.toBe(groupB);
    const p = await perspectives();
    args.forEach((arg, i) => {
      const aLikes = i % 2 === 0;
      const [forA, forB] = [p.nodes[arg.id][groupA], p.nodes[arg.id][groupB]];
      expect(forA.rated && forB.rated).toBe(true);
      expect(forA.strength > 0.5).toBe(aLikes);
      expect(forB.strength > 0.5).toBe(!aLikes);
      expect(p.disagreement[arg.id]).toBeGreaterThan(0.3);
    });
    // A node that only one group rated is unrated for the other, and shows no disagreement; a node
    // no group rated is left out.
    const tree: ArgumentNode[] = (await t.http().get(`/api/articles/${article.id}/tree`).expect(200)).body.items;
    const untouched = tree.filter((n) => n.depth === 2 && n.origin === 'article' && !args.some((a) => a.id === n.id) && !tree.some((c) => c.parentId === n.id));
    expect(untouched.length).toBeGreaterThan(0);
    for (const n of untouched) expect(p.nodes[n.id]).toBeUndefined();
    expect(p.nodes[article.rootNodeId][groupA].rated).toBe(true);
  });

  it('sorts replies by bridging: the one both groups rate well first', async () => {
    const ours = async (sort: string) => {
      const res = await t.http().get(`/api/nodes/${claim.id}/children`).query({ sort }).expect(200);
      return (res.body.items as ArgumentNode[]).filter((n) => Object.values(replies).some((r) => r.id === n.id)).map((n) => n.id);
    };
    // Equal strengths for everyone: the newest first.
    expect(await ours('strength')).toEqual([replies.onlyB.id, replies.onlyA.id, replies.both.id]);
    expect((await ours('bridging'))[0]).toBe(replies.both.id);
    expect((await t.http().get(`/api/nodes/${claim.id}/children`).query({ sort: 'sideways' })).status).toBe(400);
  });

  it('tells nobody who is in which group but the reader their own', async () => {
    const anonymous = await t.http().get(`/api/articles/${article.id}/perspectives`).expect(200);
    expect(Object.keys(anonymous.body).sort()).toEqual(['computedAt', 'disagreement', 'groups', 'nodes', 'version']);
    const mine = await t.http().get(`/api/articles/${article.id}/perspectives`).set(...bearer(readers.get('a1')!.token)).expect(200);
    for (const body of [JSON.stringify(anonymous.body), JSON.stringify(mine.body)]) {
      for (const auth of readers.values()) {
        expect(body).not.toContain(auth.user.id);
        expect(body).not.toContain(auth.user.username);
      }
    }
    expect(mine.body.myGroup).toEqual(expect.any(String));
    // A reader placed in no group (or too few votes) is told none.
    const newcomer = await registerUser(t, 'newcomer');
    expect((await perspectives(newcomer.token)).myGroup).toBeUndefined();
  });

  it('answers 404 for an unknown article and 400 for a malformed id', async () => {
    expect((await t.http().get('/api/articles/0123456789abcdef01234567/perspectives')).status).toBe(404);
    const bad = await t.http().get('/api/articles/nope/perspectives');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: expect.any(String) });
  });

  it('lets one instance of several claim a computation at a time', async () => {
    const repository = t.app.get(PerspectivesRepository);
    const stored = (await repository.find(article.id))!;
    const claims = await Promise.all([1, 2, 3, 4].map((i) => repository.claim(article.id, stored.seq + 1, `test-${i}`, 5_000)));
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    // Nor a second time while the stored result covers the seq asked for.
    const winner = `test-${claims.findIndex((c) => c !== null) + 1}`;
    await repository.release(article.id, winner);
    expect(await repository.claim(article.id, stored.seq, 'late', 5_000)).toBeNull();
  });

  it('hides a group of fewer than 5 readers: no figures of it, and its members are told no group', async () => {
    const repository = t.app.get(PerspectivesRepository);
    const stored = (await repository.find(article.id))!;
    const members = { ...stored.members, [readers.get('r0')!.user.id]: '9', [readers.get('r1')!.user.id]: '9' };
    const totals = { ...stored.totals, [args[0].id]: { ...stored.totals[args[0].id], '9': { count: 2, sum: 10 } } };
    expect(await repository.claim(article.id, stored.seq + 1_000, 'small', 5_000)).not.toBeNull();
    expect(await repository.save(article.id, 'small', { seq: stored.seq + 1_000, groups: [...stored.groups, { id: '9', size: 2, profile: {} }], members, totals })).toBe(true);
    const p = await perspectives(readers.get('r0')!.token);
    expect(p.groups.map((g) => g.id)).not.toContain('9');
    expect(p.myGroup).toBeUndefined();
    expect(Object.values(p.nodes).some((byGroup) => '9' in byGroup)).toBe(false);
    expect((await perspectives(readers.get('a0')!.token)).myGroup).toEqual(expect.any(String));
  });
});
