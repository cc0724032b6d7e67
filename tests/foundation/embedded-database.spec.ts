import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { startEmbeddedFerretDb } from '../../apps/api/src/infra/database/embedded-ferretdb';
import { json, startApiProcess } from '../support/api-process';

const withoutMongoUri = (): Record<string, string> => ({ MONGODB_URI: '' });
const pidOf = (dataDir: string): number => Number(readFileSync(join(dataDir, 'ferretdb-state', 'ferretdb.pid'), 'utf8').trim());
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `npm start` without MONGODB_URI: the embedded FerretDB, its data kept across restarts, never orphaned. */
describe('embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'agora-restart-'));

  it('keeps the imported article across a restart, once', async () => {
    const first = await startApiProcess({ ...withoutMongoUri(), DATA_DIR: dataDir });
    const health = await json<{ status: string; db: string; redis: string }>(first.baseUrl, 'GET', '/api/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', db: 'up', redis: 'disabled' } });
    const before = (await json<{ items: { id: string }[] }>(first.baseUrl, 'GET', '/api/articles')).body.items;
    expect(before).toHaveLength(1);
    const page = await fetch(first.baseUrl + '/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"');
    const ferret = pidOf(dataDir);
    expect(alive(ferret)).toBe(true);
    await first.stop('SIGTERM');
    // Stopping the API stops the database it started.
    for (let i = 0; i < 50 && alive(ferret); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(ferret)).toBe(false);

    const second = await startApiProcess({ ...withoutMongoUri(), DATA_DIR: dataDir });
    const after = (await json<{ items: { id: string }[] }>(second.baseUrl, 'GET', '/api/articles')).body.items;
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    // A crash (SIGKILL) leaves no FerretDB behind to block the next start.
    const crashed = pidOf(dataDir);
    await second.stop('SIGKILL');
    for (let i = 0; i < 50 && alive(crashed); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(crashed)).toBe(false);
    const third = await startApiProcess({ ...withoutMongoUri(), DATA_DIR: dataDir });
    expect((await json<{ items: unknown[] }>(third.baseUrl, 'GET', '/api/articles')).body.items).toHaveLength(1);
    await third.stop();
  }, 180_000);

  it('starts no embedded server when MONGODB_URI is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agora-external-'));
    const api = await startApiProcess({ MONGODB_URI: `${process.env.AGORA_TEST_MONGO_BASE}_external`, DATA_DIR: dir });
    try {
      expect((await json<{ db: string }>(api.baseUrl, 'GET', '/api/health')).body.db).toBe('up');
      expect(existsSync(join(dir, 'ferretdb'))).toBe(false);
      // ps exits 1 when the API has no child at all, which is the point.
      const children = spawnSync('ps', ['-o', 'args=', '--ppid', String(api.child.pid)], { encoding: 'utf8' }).stdout;
      expect(children).not.toContain('ferretdb');
    } finally {
      await api.stop();
    }
  }, 120_000);

  // Our FerretDB build looks `_id` up with the expression its index is built on, also beside other
  // conditions and through $in (apps/api/ferretdb/patches/0001 and 0003): SQLite then searches the
  // index instead of reading the whole table, with the same results.
  it('finds, updates and deletes by _id through the _id index', async () => {
    const db = await startEmbeddedFerretDb(mkdtempSync(join(tmpdir(), 'agora-id-index-')), { database: 'id_index' });
    const connection = await mongoose.createConnection(db.uri).asPromise();
    try {
      const things = connection.db!.collection<{ _id: string | mongoose.Types.ObjectId; n: number }>('things');
      const ids: (string | mongoose.Types.ObjectId)[] = Array.from({ length: 300 }, (_, n) => (n % 2 ? new mongoose.Types.ObjectId() : `id-${n}`));
      await things.insertMany(ids.map((_id, n) => ({ _id, n })));
      for (const filter of [{ _id: ids[7] }, { _id: ids[8] }, { _id: ids[7], n: 7 }, { _id: { $in: [ids[7], ids[8]] } }]) {
        const explained = (await connection.db!.command({ explain: { find: 'things', filter } })) as { queryPlanner: { Plan: string[] } };
        const plan = explained.queryPlanner.Plan.join('; ');
        expect(plan).toMatch(/SEARCH .*USING INDEX/);
        expect(plan).not.toMatch(/\bSCAN\b/);
      }
      expect(await things.findOne({ _id: ids[7], n: 8 })).toBeNull();
      expect(await things.find({ _id: { $in: [ids[7], 'id-9', ids[8]] }, n: { $gt: 7 } }).toArray()).toEqual([{ _id: ids[8], n: 8 }]);
      expect((await things.updateOne({ _id: ids[12], n: 0 }, { $set: { n: -12 } })).matchedCount).toBe(0);
      expect(await things.findOne({ _id: ids[7] })).toEqual({ _id: ids[7], n: 7 });
      expect(await things.findOne({ _id: ids[8] })).toEqual({ _id: ids[8], n: 8 });
      expect(await things.findOne({ _id: 'id-9' })).toBeNull();
      expect((await things.updateOne({ _id: ids[9] }, { $set: { n: -9 } })).modifiedCount).toBe(1);
      expect(await things.findOne({ _id: ids[9] })).toEqual({ _id: ids[9], n: -9 });
      expect((await things.deleteOne({ _id: ids[10] })).deletedCount).toBe(1);
      expect(await things.countDocuments({})).toBe(299);
      expect(await things.findOne({ _id: ids[10] })).toBeNull();
      await expect(things.insertOne({ _id: ids[11], n: 0 })).rejects.toThrow(/duplicate key/i);
    } finally {
      await connection.close();
      await db.stop();
    }
  }, 120_000);
});
