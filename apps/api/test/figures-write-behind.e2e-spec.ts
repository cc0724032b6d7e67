import type { ArgumentNode, ArticleDetail } from '@agora/shared';
import { MongoClient, ObjectId } from 'mongodb';
import { bearer, moderationWorld, postReply, register, type ModerationWorld, type Who } from './support/moderation-world';
import { startTestApp } from './support/test-app';

/**
 * A single instance sets derived figures in memory and stores them in rounds (WriteBehind): what
 * readers get must be the newest figures at once, what is stored must catch up, and a shutdown must
 * store everything. A long linger keeps figures in memory for the length of a test step.
 */
describe('derived figures stored behind the answer (single instance, e2e)', () => {
  let w: ModerationWorld;
  let voters: Who[];
  let uri: string;
  let closed = false;

  beforeAll(async () => {
    w = await moderationWorld(await startTestApp({ FIGURES_LINGER_MS: '60000' }));
    uri = w.t.config.mongoUri;
    voters = [await register(w.t, 'voter'), await register(w.t, 'voter'), await register(w.t, 'voter')];
  });
  afterAll(() => (closed ? undefined : w.t.close()));

  const vote = (by: Who, id: string, value: number) => w.t.http().put(`/api/nodes/${id}/vote`).set(...bearer(by.token)).send({ value }).expect(200);
  const node = async (id: string): Promise<ArgumentNode> => (await w.t.http().get(`/api/nodes/${id}`).expect(200)).body;
  const article = async (): Promise<ArticleDetail> => (await w.t.http().get(`/api/articles/${w.article.id}`).expect(200)).body;
  const stored = async <T>(read: (db: ReturnType<MongoClient['db']>) => Promise<T>): Promise<T> => {
    const client = await MongoClient.connect(uri);
    try {
      return await read(client.db());
    } finally {
      await client.close();
    }
  };

  it('orders a page of children by their newest strengths, and pages through each child once', async () => {
    const hub = await postReply(w, w.author, 'A hub with three supports.', 3, 'support');
    const kids: ArgumentNode[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await w.t.http().post(`/api/nodes/${hub.id}/replies`).set(...bearer(w.reader.token)).send({ type: 'support', text: `Support ${i}` }).expect(201);
      kids.push(res.body as ArgumentNode);
    }
    // Votes held in memory (rounds a minute apart) set the order: kid 2 strongest, then 0, then 1.
    for (const by of voters) {
      await vote(by, kids[2].id, 5);
      await vote(by, kids[0].id, 4);
      await vote(by, kids[1].id, 1);
    }
    const page = async (cursor?: string) =>
      (await w.t.http().get(`/api/nodes/${hub.id}/children?sort=strength&limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body as { items: ArgumentNode[]; nextCursor: string | null };
    const first = await page();
    const second = await page(first.nextCursor!);
    const strengths = first.items.map((n) => n.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    expect([...first.items, ...second.items].map((n) => n.id).sort()).toEqual(kids.map((k) => k.id).sort());
    const all = (await w.t.http().get(`/api/nodes/${hub.id}/children?sort=strength`).expect(200)).body.items as ArgumentNode[];
    expect(all.map((n) => n.id)).toEqual([kids[2].id, kids[0].id, kids[1].id]);
  });

  it('answers with the newest figures while the database still holds older ones, and stores them all at shutdown', async () => {
    const reply = await postReply(w, w.author, 'Figures from memory first.', 2, 'support');
    // The first round after a quiet moment starts at once; the rounds after it wait out the linger.
    await vote(voters[0], reply.id, 5);
    await new Promise((r) => setTimeout(r, 200));
    await vote(voters[1], reply.id, 1);
    await vote(voters[2], reply.id, 4);
    const read = await node(reply.id);
    expect(read.votes).toMatchObject({ count: 3, sum: 10 });
    const asStored = await stored((db) => db.collection('nodes').findOne({ _id: new ObjectId(reply.id) }));
    expect(asStored?.votes.count).toBeLessThan(3);

    // Replies counted in memory: the article and the claim's reply counts include the new ones at once.
    const before = await article();
    await Promise.all([postReply(w, w.reader, 'One more.', 2, 'rebuttal'), postReply(w, w.reader, 'And another.', 2, 'support')]);
    const after = await article();
    expect(after.replyCount).toBe(before.replyCount + 2);
    const claim = after.paragraphs.find((p) => p.index === 2)!;
    const claimBefore = before.paragraphs.find((p) => p.index === 2)!;
    const replies = (counts: typeof claim.replyCounts) => (counts?.support ?? 0) + (counts?.rebuttal ?? 0);
    expect(replies(claim.replyCounts)).toBe(replies(claimBefore.replyCounts) + 2);

    await w.t.close();
    closed = true;
    const [storedReply, storedArticle, storedClaim] = await stored((db) =>
      Promise.all([
        db.collection('nodes').findOne({ _id: new ObjectId(reply.id) }),
        db.collection('articles').findOne({ _id: new ObjectId(w.article.id) }),
        db.collection('nodes').findOne({ _id: new ObjectId(claim.nodeId!) }),
      ]),
    );
    expect(storedReply?.votes).toMatchObject({ count: 3, sum: 10 });
    expect(storedReply?.strength).toBeCloseTo(read.strength, 12);
    expect(storedArticle?.replyCount).toBe(after.replyCount);
    expect(storedClaim?.replyCounts).toEqual(claim.replyCounts);
    expect(storedClaim?.strength).toBeCloseTo(claim.strength!, 12);
  });
});

describe('article reply count under concurrent replies and recounts (single instance, e2e)', () => {
  let w: ModerationWorld;
  afterAll(() => w.t.close());

  it('counts every visible reply once while replies are stored side by side and moderation recounts', async () => {
    w = await moderationWorld(await startTestApp({ FIGURES_LINGER_MS: '20' }));
    const target = await postReply(w, w.author, 'Hidden and restored while others post.', 1);
    const act = (action: string) => w.t.http().post(`/api/moderation/nodes/${target.id}`).set(...bearer(w.moderator.token)).send({ action, reason: `${action} it` }).expect(200);
    // Each hide and restore recounts the article's replies while the posts below are being stored.
    const posts = Array.from({ length: 24 }, (_, i) => postReply(w, i % 2 ? w.author : w.reader, `Concurrent reply ${i}`, 1 + (i % 4)));
    const moderation = (async () => {
      for (let i = 0; i < 3; i++) {
        await act('hide');
        await act('restore');
      }
    })();
    await Promise.all([...posts, moderation]);
    const counted = (await w.t.http().get(`/api/articles/${w.article.id}`).expect(200)).body.replyCount as number;
    const tree = (await w.t.http().get(`/api/articles/${w.article.id}/tree`).expect(200)).body.items as ArgumentNode[];
    expect(counted).toBe(tree.filter((n) => n.origin === 'user').length);
  });
});
