// Everything the scenarios run against: one embedded FerretDB in a temporary folder, the API as a child
// process on a free loopback port against a fresh database, and a raw driver client for the baselines
// (a second fresh database on the same FerretDB). `close()` stops all of it, in reverse order.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from './api-instance.mjs';
import { ferretPid, freePort } from './processes.mjs';

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

    if (profile) mkdirSync(profile, { recursive: true });
    const apiLog = join(resultsDir, 'api.log');
    rmSync(apiLog, { force: true });
    const apiInstance = await startApi({ root, mongoUri: `${dbBase}/${apiDbName}`, dataDir: join(dataDir, 'api'), logFile: apiLog, profileDir: profile });
    const { baseUrl, apiChild } = apiInstance;
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
      /** The database server's address and the run's own folder, for scenarios that start API instances of their own. */
      dbBase,
      dataDir,
      client,
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
