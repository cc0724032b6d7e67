import type { AuthResponse, Perspectives } from '@agora/shared';
import { polarisedPopulation } from '../../libs/shared/src/testing/polarised-population';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { json, startApiProcess, type ApiProcess } from '../support/api-process';

/**
 * Two API processes share one database and Redis, votes arrive through both: each hears every vote
 * and may start the background computation, one claims it at a time, and both serve the same stored
 * groups, each reader's own group the same on either.
 */
describe('perspectives across two API instances', () => {
  let one: ApiProcess, two: ApiProcess;
  let articleId: string;
  const readers = new Map<string, AuthResponse>();

  beforeAll(async () => {
    const env = { MONGODB_URI: freshDatabaseUri(), REDIS_URL: 'redis://127.0.0.1:6379', PERSPECTIVES_INTERVAL_MS: '200', WRITE_RATE_LIMIT: '100000' };
    one = await startApiProcess(env);
    two = await startApiProcess(env);
    await json(one.baseUrl, 'POST', '/api/auth/register', { username: `admin_${Date.now().toString(36)}`, password: 'correct horse battery' });
    articleId = (await json<{ items: { id: string }[] }>(two.baseUrl, 'GET', '/api/articles')).body.items[0].id;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
  });

  it('computes the groups from votes sent to either instance and serves them alike from both', async () => {
    const article = (await json<{ paragraphs: { nodeId: string }[] }>(one.baseUrl, 'GET', `/api/articles/${articleId}`)).body;
    const claims = article.paragraphs.map((p) => p.nodeId);
    const { votes, camps } = polarisedPopulation(claims, 10, 0, 9);
    for (const name of Object.keys(camps)) {
      const res = await json<AuthResponse>(one.baseUrl, 'POST', '/api/auth/register', { username: `${name}_${Date.now().toString(36)}`, password: 'correct horse battery' });
      readers.set(name, res.body);
    }
    for (let i = 0; i < votes.length; i += 8) {
      await Promise.all(
        votes.slice(i, i + 8).map(async (v, j) => {
          const res = await json((i + j) % 2 ? one.baseUrl : two.baseUrl, 'PUT', `/api/nodes/${v.nodeId}/vote`, { value: v.value }, readers.get(v.userId)!.token);
          expect(res.status).toBe(200);
        }),
      );
    }
    const votedAt = Date.now();
    const read = async (base: string, token?: string) => (await json<Perspectives>(base, 'GET', `/api/articles/${articleId}/perspectives`, undefined, token)).body;
    let fromOne: Perspectives | undefined;
    for (let i = 0; i < 100; i++) {
      fromOne = await read(one.baseUrl);
      if (fromOne.computedAt && Date.parse(fromOne.computedAt) > votedAt) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // Nothing is left to compute once the last votes are counted: both read the same stored result.
    await new Promise((r) => setTimeout(r, 1_000));
    fromOne = await read(one.baseUrl);
    const fromTwo = await read(two.baseUrl);
    expect(fromOne.groups).toHaveLength(2);
    // A late recomputation (the other instance had heard a later vote) gives the same groups from the same votes.
    const { groups, nodes, disagreement } = fromOne;
    expect({ groups: fromTwo.groups, nodes: fromTwo.nodes, disagreement: fromTwo.disagreement }).toEqual({ groups, nodes, disagreement });
    for (const name of ['a0', 'b0', 'a5']) {
      const token = readers.get(name)!.token;
      const [mineOnOne, mineOnTwo] = [(await read(one.baseUrl, token)).myGroup, (await read(two.baseUrl, token)).myGroup];
      expect(mineOnOne).toEqual(expect.any(String));
      expect(mineOnTwo).toBe(mineOnOne);
    }
    expect((await read(one.baseUrl, readers.get('a0')!.token)).myGroup).not.toBe((await read(one.baseUrl, readers.get('b0')!.token)).myGroup);
  }, 120_000);
});
