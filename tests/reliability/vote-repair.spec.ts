import type { ArgumentNode } from '@agora/shared';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { registerAccount } from './support/accounts';
import { objectId, openDirect, type DirectDb } from './support/direct-db';
import { derivedMismatches } from './support/derived-figures';
import { call, eventually } from './support/http-call';

/**
 * A vote is stored (marked pending) before its node's totals move. When a process dies between the
 * two, the mark stays; every instance's sweep finds marks older than 15 s and recounts the node from
 * its votes, without ever undoing a vote made meanwhile.
 */
describe('a vote cut short between storing it and moving its totals', () => {
  let api: ApiProcess;
  let direct: DirectDb;
  let articleId: string;
  let node: ArgumentNode;

  beforeAll(async () => {
    const mongoUri = freshDatabaseUri();
    api = await startApiProcess({ MONGODB_URI: mongoUri, REPAIR_SWEEP_MS: '300' });
    direct = await openDirect(mongoUri);
    await registerAccount(api.baseUrl, 'admin');
    const author = await registerAccount(api.baseUrl, 'author');
    articleId = ((await call<{ items: { id: string }[] }>(api.baseUrl, 'GET', '/api/articles')).body.items[0]).id;
    node = (await call<ArgumentNode>(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/2/replies`, { token: author.token, body: { type: 'rebuttal', text: 'A rebuttal to vote on.' } })).body;
  }, 120_000);

  afterAll(async () => {
    await direct?.close();
    await api?.stop();
  });

  it('recounts the node from its votes once the mark is old, and clears the mark', async () => {
    const voter = await registerAccount(api.baseUrl, 'voter');
    expect((await call(api.baseUrl, 'PUT', `/api/nodes/${node.id}/vote`, { token: voter.token, body: { value: 2 } })).status).toBe(200);
    // What a process killed between the two writes leaves: the vote changed and marked, the totals not moved.
    const late = await registerAccount(api.baseUrl, 'late');
    await direct.db.collection('votes').insertOne({
      _id: `${node.id}:${late.id}` as never, nodeId: objectId(node.id), userId: objectId(late.id), articleId: objectId(articleId), value: 5, pending: 1, updatedAt: new Date(Date.now() - 20_000),
    });
    expect(await derivedMismatches(direct.db, articleId)).toHaveLength(1);
    await eventually(async () => ((await derivedMismatches(direct.db, articleId, api.baseUrl)).length === 0 ? true : undefined), 10_000, 'the sweep to recount the node');
    const served = (await call<ArgumentNode>(api.baseUrl, 'GET', `/api/nodes/${node.id}`)).body;
    expect(served.votes).toMatchObject({ count: 2, sum: 7 });
    expect(await direct.db.collection('votes').countDocuments({ pending: { $gt: 0 } })).toBe(0);
  }, 60_000);

  it('leaves a fresh mark alone: the vote that set it is still moving the totals', async () => {
    const voter = await registerAccount(api.baseUrl, 'fresh');
    await direct.db.collection('votes').insertOne({
      _id: `${node.id}:${voter.id}` as never, nodeId: objectId(node.id), userId: objectId(voter.id), articleId: objectId(articleId), value: 4, pending: 1, updatedAt: new Date(),
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await call<ArgumentNode>(api.baseUrl, 'GET', `/api/nodes/${node.id}`)).body.votes).toMatchObject({ count: 2, sum: 7 });
  }, 30_000);
});
