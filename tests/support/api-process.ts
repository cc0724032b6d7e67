import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
/** Instances of one test share a secret, as several instances of a deployment must (each has its own DATA_DIR here). */
export const TEST_JWT_SECRET = 'agora-test-secret-shared-by-every-instance';

export interface ApiProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the built API as its own process (as `npm start` runs it) and waits until it is healthy. The
 * free port it is given may be taken by another test file's process before it binds: it then starts
 * again on another, a few times.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env);
    } catch (error) {
      if (attempt >= 3 || !String((error as Error).message).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOnce(env: Record<string, string>): Promise<ApiProcess> {
  const main = join(ROOT, 'apps/api/dist/main.js');
  if (!existsSync(main)) throw new Error('apps/api/dist is missing: `npm test` builds it (npm run build -w @agora/api)');
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'agora-proc-')), LOG_LEVEL: 'warn', WRITE_RATE_LIMIT: '100000', READ_RATE_LIMIT: '1000000', LIVE_SOCKETS_PER_IP: '100000', LIVE_SOCKETS_PER_USER: '100000', LIVE_JOINS_PER_MINUTE: '100000', JWT_SECRET: TEST_JWT_SECRET, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited early (${child.exitCode}):\n${log}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((r) => r.ok).catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`API not healthy within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    port,
    child,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
    },
  };
}

export async function json<T = unknown>(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}

/**
 * Makes an account admin as an operator does, with `npm run admin -- promote` (its built script, run
 * against `mongoUri`, or with `mongoUri` empty and `env.DATA_DIR`, the running embedded database); the
 * account must sign in again afterwards.
 */
export async function promoteAdmin(mongoUri: string, username: string, env: Record<string, string> = {}): Promise<void> {
  // Not spawnSync: a blocked event loop misses the servers closing idle keep-alive connections, and
  // the next fetch on one fails.
  const cli = join(ROOT, 'apps/api/dist/admin-cli.js');
  await promisify(execFile)(process.execPath, [cli, 'promote', username], { cwd: ROOT, env: { ...process.env, MONGODB_URI: mongoUri, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8' });
}
