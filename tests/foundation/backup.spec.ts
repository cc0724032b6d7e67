import type { ArgumentNode, ArticleDetail, AuthResponse } from '@agora/shared';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { mongo } from 'mongoose';
import { startEmbeddedFerretDb } from '../../apps/api/src/infra/database/embedded-ferretdb';
import { freshDatabaseUri } from '../../apps/api/test/support/test-app';
import { json, promoteAdmin, ROOT, startApiProcess, type ApiProcess } from '../support/api-process';

/** Runs the built backup CLI as `npm run export|import` does. */
function backup(command: 'export' | 'import', file: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [join(ROOT, 'apps/api/dist/backup-cli.js'), command, file], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

/** Every collection's documents in _id order, as canonical extended JSON. */
async function contents(uri: string): Promise<Record<string, string[]>> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const db = connection.db!;
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.'));
    const out: Record<string, string[]> = {};
    for (const name of names.sort()) out[name] = (await db.collection(name).find({}).sort({ _id: 1 }).toArray()).map((d) => mongo.BSON.EJSON.stringify(d, { relaxed: false }));
    return out;
  } finally {
    await connection.close();
  }
}

/** An installation on the embedded database moves to another database with `npm run export` and `npm run import`. */
describe('export and import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'agora-backup-src-'));
  const file = join(mkdtempSync(join(tmpdir(), 'agora-backup-')), 'agora.jsonl.gz');
  const target = freshDatabaseUri();
  let api: ApiProcess | undefined;
  afterEach(async () => api?.stop());

  it('carries articles, nodes, votes, users and the audit log over equal, and old tokens stay valid', async () => {
    api = await startApiProcess({ MONGODB_URI: '', DATA_DIR: dataDir });
    await json<AuthResponse>(api.baseUrl, 'POST', '/api/auth/register', { username: 'admin_b', password: 'correct horse battery' });
    await promoteAdmin('', 'admin_b', { DATA_DIR: dataDir });
    const admin = (await json<AuthResponse>(api.baseUrl, 'POST', '/api/auth/login', { username: 'admin_b', password: 'correct horse battery' })).body;
    const ann = (await json<AuthResponse>(api.baseUrl, 'POST', '/api/auth/register', { username: 'ann_b', password: 'correct horse battery' })).body;
    const articleId = (await json<{ items: { id: string }[] }>(api.baseUrl, 'GET', '/api/articles')).body.items[0].id;
    const article = (await json<ArticleDetail>(api.baseUrl, 'GET', `/api/articles/${articleId}`)).body;
    const reply = await json<ArgumentNode>(api.baseUrl, 'POST', `/api/articles/${articleId}/paragraphs/1/replies`, { type: 'rebuttal', text: 'Moved with the rest' }, ann.token);
    expect(reply.status).toBe(201);
    expect((await json(api.baseUrl, 'PUT', `/api/nodes/${reply.body.id}/vote`, { value: 4 }, admin.token)).status).toBe(200);
    expect((await json(api.baseUrl, 'PUT', `/api/nodes/${article.paragraphs[1].nodeId}/vote`, { value: 2 }, ann.token)).status).toBe(200);
    expect((await json(api.baseUrl, 'POST', `/api/moderation/nodes/${reply.body.id}/pin`, { pinned: true, reason: 'Worth reading' }, admin.token)).status).toBe(200);
    await api.stop();
    api = undefined;

    const exported = backup('export', file, { MONGODB_URI: '', DATA_DIR: dataDir });
    expect({ status: exported.status, stderr: exported.stderr }).toEqual({ status: 0, stderr: '' });
    expect(exported.stdout).toMatch(/Exported agora to .*: .*nodes \d+/);
    const imported = backup('import', file, { MONGODB_URI: target });
    expect({ status: imported.status, stderr: imported.stderr }).toEqual({ status: 0, stderr: '' });

    const db = await startEmbeddedFerretDb(dataDir, { log: () => undefined });
    let source: Record<string, string[]>;
    try {
      source = await contents(db.uri);
    } finally {
      await db.stop();
    }
    for (const name of ['articles', 'nodes', 'votes', 'users', 'audit']) expect(source[name]?.length).toBeGreaterThan(0);
    expect(await contents(target)).toEqual(source);

    // A database that holds anything is refused, untouched.
    const again = backup('import', file, { MONGODB_URI: target });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not empty');
    expect(await contents(target)).toEqual(source);

    // Agora runs on the new database as it did: the JWT secret moved with the data.
    api = await startApiProcess({ MONGODB_URI: target });
    expect((await json<{ username: string }>(api.baseUrl, 'GET', '/api/auth/me', undefined, ann.token)).body).toMatchObject({ username: 'ann_b' });
    const moved = (await json<ArgumentNode>(api.baseUrl, 'GET', `/api/nodes/${reply.body.id}`)).body;
    expect(moved).toMatchObject({ text: 'Moved with the rest', pinned: true, votes: { count: 1, sum: 4 } });
  });
});
