import type { ArgumentNode, VoteTotals } from '@agora/shared';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { registerAccount, registerAccounts, type Account } from './support/accounts';
import { objectId, openDirect, storedVotes, tallyByNode, type DirectDb } from './support/direct-db';
import { derivedMismatches } from './support/derived-figures';
import { call, eventually } from './support/http-call';

/**
 * A single instance (no Redis) keeps derived figures in memory until a round stores them. Killed
 * (SIGKILL: no shutdown hook) while some are not stored, it loses none of the writes it acknowledged,
 * and once started again its start-up audit brings every stored figure back to what the votes and
 * nodes give, while it answers with those same figures.
 */
describe('a single instance killed with derived figures not yet stored', () => {
  let api: ApiProcess | null = null;
  let direct: DirectDb;
  let mongoUri: string;
  let articleId: string;
  let poster: Account, voters: Account[];
  const replies: string[] = [];
  const votes: { nodeId: string; by: Account; value: number }[] = [];

  beforeAll(async () => {
    mongoUri = freshDatabaseUri();
    // A minute between rounds: after the first round, nothing more is stored before the kill.
    api = await startApiProcess({ MONGODB_URI: mongoUri, FIGURES_LINGER_MS: '60000' });
    direct = await openDirect(mongoUri);
    await registerAccount(api.baseUrl, 'admin');
    poster = await registerAccount(api.baseUrl, 'poster');
    voters = await registerAccounts([api.baseUrl], 4, 'voter');
    articleId = (await call<{ items: { id: string }[] }>(api.baseUrl, 'GET', '/api/articles')).body.items[0].id;
  }, 120_000);

  afterAll(async () => {
    await direct?.close();
    await api?.stop();
  });

  it('keeps every acknowledged reply and vote, and repairs every figure at the next start', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await call<ArgumentNode>(api!.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/${i % 4}/replies`, { body: { type: i % 3 ? 'support' : 'rebuttal', text: `Before the crash ${i}` }, token: poster.token });
      expect(res.status).toBe(201);
      replies.push(res.body.id);
    }
    for (const [i, nodeId] of replies.entries()) {
      for (const [j, by] of voters.entries()) {
        const value = ((i + j) % 5) + 1;
        expect((await call(api!.baseUrl, 'PUT', `/api/nodes/${nodeId}/vote`, { body: { value }, token: by.token })).status).toBe(200);
        votes.push({ nodeId, by, value });
      }
    }
    const answered = await call<ArgumentNode>(api!.baseUrl, 'GET', `/api/nodes/${replies[5]}`);
    const expectedTotals = tallyByNode(await storedVotes(direct.db, { nodeId: objectId(replies[5]) })).get(replies[5]) as VoteTotals;
    // Readers are answered with the newest figures...
    expect(answered.body.votes).toMatchObject({ count: expectedTotals.count, sum: expectedTotals.sum });
    // ...while the database still holds older ones: this is what the crash will cut short.
    expect((await derivedMismatches(direct.db, articleId)).length).toBeGreaterThan(0);

    await api!.stop('SIGKILL');
    api = null;

    // Every acknowledged write is stored.
    const storedReplies = await direct.db.collection('nodes').countDocuments({ _id: { $in: replies.map(objectId) } });
    expect(storedReplies).toBe(replies.length);
    const stored = await storedVotes(direct.db, { articleId: objectId(articleId) });
    for (const v of votes) expect(stored.find((s) => String(s.nodeId) === v.nodeId && String(s.userId) === v.by.id)?.value).toBe(v.value);

    // The next start (default rounds) audits the stored figures against the votes and nodes, and repairs them.
    api = await startApiProcess({ MONGODB_URI: mongoUri });
    await eventually(async () => ((await derivedMismatches(direct.db, articleId)).length === 0 ? true : undefined), 60_000, 'figures repaired after the restart');
    const after = await call<ArgumentNode>(api.baseUrl, 'GET', `/api/nodes/${replies[5]}`);
    expect(after.body.votes).toEqual(answered.body.votes);
    expect(after.body.strength).toBeCloseTo(answered.body.strength, 12);
  }, 180_000);
});
