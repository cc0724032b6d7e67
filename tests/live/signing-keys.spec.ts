import type { AuthResponse } from '@agora/shared';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { json, startApiProcess, type ApiProcess } from '../support/api-process';

/**
 * Two instances on one database, each with its own DATA_DIR and no JWT_SECRET (as `npm start` runs
 * them): each signs with its own key and checks the other's tokens by the public key it published;
 * the database holds nothing that can sign one.
 */
describe('tokens across instances without a shared secret', () => {
  let one: ApiProcess | undefined;
  let two: ApiProcess | undefined;
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
  });

  it('accepts on each instance the tokens the other signed, and refuses a token signed by an unpublished key', async () => {
    const env = { MONGODB_URI: freshDatabaseUri(), JWT_SECRET: '' };
    one = await startApiProcess(env);
    two = await startApiProcess(env);
    const ann = (await json<AuthResponse>(one.baseUrl, 'POST', '/api/auth/register', { username: 'ann_keys', password: 'correct horse battery' })).body;
    const ben = (await json<AuthResponse>(two.baseUrl, 'POST', '/api/auth/register', { username: 'ben_keys', password: 'correct horse battery' })).body;
    expect(JSON.parse(Buffer.from(ann.token.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'ES256', kid: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect((await json(two.baseUrl, 'GET', '/api/auth/me', undefined, ann.token)).status).toBe(200);
    expect((await json(one.baseUrl, 'GET', '/api/auth/me', undefined, ben.token)).status).toBe(200);
    // The same header and claims under a key id nobody published: refused.
    const [header, body, signature] = ann.token.split('.');
    const forged = JSON.parse(Buffer.from(header, 'base64url').toString());
    forged.kid = 'f'.repeat(32);
    expect((await json(two.baseUrl, 'GET', '/api/auth/me', undefined, `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${body}.${signature}`)).status).toBe(401);
  });
});
