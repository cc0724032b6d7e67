// Everything the scenarios run against: one embedded FerretDB in a temporary folder, the API as a child
// process on a free loopback port against a fresh database, and a raw driver client for the baselines
// (a second fresh database on the same FerretDB). `close()` stops all of it, in reverse order.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from './http-load.mjs';
import { ferretPid, freePort, startNode } from './processes.mjs';

const require = createRequire(import.meta.url);

export async function startEnvironment({ root, resultsDir, profile, log }) {
  const cleanups = [];
  const close = async () => {
    while (cleanups.length) {
      const step = cleanups.pop();
      await Promise.resolve()
        .then(step)
        .catch((error) => log(`cleanup: ${error.message}`));
    }
  };
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'agora-bench-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const { startEmbeddedFerretDb } = require(join(root, 'apps/api/dist/infra/database/embedded-ferretdb.js'));
    // With --profile, FerretDB serves Go's pprof on its debug port (see db-profile.mjs).
    const dbDebugAddr = profile ? `127.0.0.1:${await freePort()}` : undefined;
    const db = await startEmbeddedFerretDb(dataDir, { log, debugAddr: dbDebugAddr });
    cleanups.push(() => db.stop());
    const stamp = Date.now().toString(36);
    const dbBase = `mongodb://127.0.0.1:${db.port}`;
    const apiDbName = `bench_api_${stamp}`;
    const rawDbName = `bench_raw_${stamp}`;

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const nodeArgs = ['--require', join(root, 'bench/support/query-counter.cjs')];
    if (profile) {
      mkdirSync(profile, { recursive: true });
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profile}`);
    }
    const env = { ...process.env };
    for (const key of ['MONGODB_URI', 'REDIS_URL', 'PORT', 'HOST', 'JWT_SECRET', 'ADMIN_USERNAME', 'BANNED_WORDS', 'NEW_ACCOUNT_PREMODERATION', 'NODE_OPTIONS']) delete env[key];
    const apiEnv = {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: `${dbBase}/${apiDbName}`,
      DATA_DIR: join(dataDir, 'api'),
      SEED_DIR: join(root, 'seeds'),
      LOG_LEVEL: 'warn',
      // Rate limits are not what is measured.
      WRITE_RATE_LIMIT: '100000000',
      // Every vote publishes its own vote:changed at once, so fan-out latency is not the 50 ms window.
      LIVE_COALESCE_MS: '0',
    };
    const apiLog = join(resultsDir, 'api.log');
    rmSync(apiLog, { force: true });
    const apiChild = await startNode({
      name: 'API',
      script: join(root, 'apps/api/dist/main.js'),
      nodeArgs,
      env: apiEnv,
      cwd: root,
      logFile: apiLog,
      ipc: true,
      timeoutMs: 90_000,
      ready: async () => (await api(baseUrl, 'GET', '/api/health'))?.db === 'up' && (await api(baseUrl, 'GET', '/api/articles')).items.length > 0,
    });
    cleanups.push(() => apiChild.stop());

    const { MongoClient } = require('mongoose').mongo;
    const client = new MongoClient(dbBase);
    await client.connect();
    cleanups.push(() => client.close());

    return {
      root,
      resultsDir,
      baseUrl,
      apiLog,
      apiChild,
      apiDb: client.db(apiDbName),
      rawDb: client.db(rawDbName),
      /** Where the HTTP floor server finds the baselines' database. */
      rawDbAddress: { uri: dbBase, name: rawDbName },
      /** Where the database's CPU profile is taken (--profile only). */
      dbProfileUrl: dbDebugAddr ? `http://${dbDebugAddr}/debug/pprof/profile` : null,
      profileDir: profile,
      /** Processes whose CPU time the throughput scenarios report. */
      pids: { api: apiChild.pid, db: ferretPid(dataDir), bench: process.pid },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
