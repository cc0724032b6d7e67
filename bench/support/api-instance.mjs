// One API process as the bench runs it: built output, production mode, loopback port, the query
// counter preloaded (query-counter.cjs, read over IPC), rate limits out of the way, and its output
// appended to a log file. The main environment starts one; the scale and big-debate scenarios start
// their own against databases of their own on the same FerretDB.
import { join } from 'node:path';
import { api } from './http-load.mjs';
import { freePort, startNode } from './processes.mjs';

/** Variables of the bench's own environment that must not leak into an API child. */
const INHERITED_SETTINGS = ['MONGODB_URI', 'REDIS_URL', 'PORT', 'HOST', 'JWT_SECRET', 'BANNED_WORDS', 'NEW_ACCOUNT_PREMODERATION', 'NODE_OPTIONS'];

/**
 * Starts the API against `mongoUri` (a database of its own: the name is in the URI) and resolves once
 * it serves the seed article. `redisUrl` shares rooms, rate limits and coordination with other
 * instances; `profileDir` runs it under --cpu-prof.
 */
export async function startApi({ root, name = 'API', mongoUri, dataDir, logFile, redisUrl, profileDir, env: extra = {} }) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const nodeArgs = ['--require', join(root, 'bench/support/query-counter.cjs')];
  if (profileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
  const env = { ...process.env };
  for (const key of INHERITED_SETTINGS) delete env[key];
  const child = await startNode({
    name,
    script: join(root, 'apps/api/dist/main.js'),
    nodeArgs,
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: mongoUri,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      DATA_DIR: dataDir,
      // Instances of one scenario honour each other's tokens.
      JWT_SECRET: 'agora-bench-secret-shared-by-every-instance',
      SEED_DIR: join(root, 'seeds'),
      LOG_LEVEL: 'warn',
      // Rate limits are not what is measured.
      WRITE_RATE_LIMIT: '100000000',
      READ_RATE_LIMIT: '100000000',
      LIVE_SOCKETS_PER_IP: '100000000',
      LIVE_SOCKETS_PER_USER: '100000000',
      LIVE_JOINS_PER_MINUTE: '100000000',
      // Every vote publishes its own vote:changed at once, so fan-out latency is not the 50 ms window.
      LIVE_COALESCE_MS: '0',
      ...extra,
    },
    cwd: root,
    logFile,
    ipc: true,
    timeoutMs: 90_000,
    ready: async () => (await api(baseUrl, 'GET', '/api/health'))?.db === 'up' && (await api(baseUrl, 'GET', '/api/articles')).items.length > 0,
  });
  // `apiChild` lets query-counts.mjs read this instance as it reads the main one.
  return { name, baseUrl, pid: child.pid, apiChild: child, stop: (graceMs) => child.stop(graceMs) };
}
