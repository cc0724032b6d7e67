import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { goBuildWithProgress } from './go-build-progress';
import { projectRoot } from './project-root';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`;

export interface EmbeddedDatabase {
  uri: string;
  port: number;
  /** Stops the server; `kill` ends it at once (SIGKILL), as a crash would, instead of letting it drain. */
  stop(options?: { kill?: boolean }): Promise<void>;
}

type Log = (line: string) => void;

/** Our changes to FerretDB, applied in file-name order to the module's source before it is built; each file's header says why. */
const PATCHES_DIR = join('apps', 'api', 'ferretdb', 'patches');

function patchFiles(root: string): string[] {
  const dir = join(root, PATCHES_DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.patch'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Names our build of FerretDB: the release, a counter for changes to how we build it, and a digest of
 * the patches, so that a checkout whose build differs from the cached binary's builds again.
 */
function buildTag(root: string): string {
  const digest = createHash('sha256');
  for (const file of patchFiles(root)) digest.update(readFileSync(file));
  return `${FERRETDB_VERSION}-agora.3-${digest.digest('hex').slice(0, 8)}`;
}

/** Where the FerretDB binary is cached: git-ignored, shared by every data folder of this checkout. */
export function ferretBinaryPath(root = projectRoot()): string {
  return join(root, '.cache', 'bin', `ferretdb-${buildTag(root)}`);
}

function applyPatches(root: string, src: string): void {
  for (const file of patchFiles(root)) {
    // The copy lies inside this repository's .cache, and git apply run inside a repository skips the
    // files outside it without a word; the ceiling makes the copy a plain folder to git.
    const env = { ...process.env, GIT_CEILING_DIRECTORIES: dirname(src) };
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', file], { cwd: src, env, encoding: 'utf8' });
    if (applied.error || applied.status !== 0) {
      const reason = applied.error?.message ?? applied.stderr.trim();
      throw new Error(`FerretDB ${FERRETDB_VERSION}: ${relative(root, file)} does not apply to the module's source; review it.\n${reason}`);
    }
  }
}

/**
 * Builds FerretDB once into the cache folder. A plain `go install …/cmd/ferretdb@v1.24.2` binary panics
 * at start-up because the module as published lacks build/version/version.txt (FerretDB issue #2982),
 * so the module is fetched with the Go toolchain, copied, given that file and our patches
 * (apps/api/ferretdb/patches), and built from the copy.
 * The first build downloads and compiles a few hundred packages; its progress is one line of the log.
 */
export async function ensureFerretBinary(log: Log = console.error): Promise<string> {
  const root = projectRoot();
  const bin = ferretBinaryPath(root);
  if (existsSync(bin)) return bin;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new Error(
      'Go is not installed, and it is needed once to build the embedded database (FerretDB). ' +
        'Install Go (https://go.dev/dl/) or set MONGODB_URI to a running MongoDB.',
    );
  }
  log(`Building FerretDB ${FERRETDB_VERSION} into ${bin} (first start only; this takes a few minutes)...`);
  const env = { ...process.env, GOFLAGS: '-mod=mod', GOWORK: 'off', CGO_ENABLED: process.env.CGO_ENABLED ?? '0' };
  const download = spawnSync('go', ['mod', 'download', '-json', FERRETDB_MODULE], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const dir = download.status === 0 ? (JSON.parse(download.stdout) as { Dir?: string }).Dir : undefined;
  if (!dir) throw new Error(`Fetching FerretDB ${FERRETDB_VERSION} failed (go mod download exited ${download.status}).`);
  const src = join(root, '.cache', `ferretdb-src-${FERRETDB_VERSION}`);
  rmSync(src, { recursive: true, force: true });
  cpSync(dir, src, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', src]);
  writeFileSync(join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  writeFileSync(join(src, 'build', 'version', 'package.txt'), 'agora-embedded\n');
  applyPatches(root, src);
  mkdirSync(dirname(bin), { recursive: true });
  await goBuildWithProgress(['-trimpath', '-o', `${bin}.partial`], { cwd: src, env, target: './cmd/ferretdb', log });
  if (!existsSync(`${bin}.partial`)) throw new Error('Building FerretDB failed: go build wrote no binary.');
  renameSync(`${bin}.partial`, bin);
  rmSync(src, { recursive: true, force: true });
  log('FerretDB built.');
  return bin;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited early with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`FerretDB did not listen on port ${port} within ${timeoutMs} ms`);
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The data folder's FerretDB belongs to another Agora process that is still running. */
export class DataDirInUseError extends Error {
  constructor(
    readonly ownerPid: number,
    readonly port: number,
  ) {
    super(`The data folder is in use by a running Agora (pid ${ownerPid}, database on 127.0.0.1:${port}).`);
  }
}

/** Throws DataDirInUseError when another live process owns the data folder's FerretDB. */
function assertNotInUse(ownerFile: string): void {
  if (!existsSync(ownerFile)) return;
  try {
    const { ownerPid, port } = JSON.parse(readFileSync(ownerFile, 'utf8')) as { ownerPid: number; port: number };
    if (ownerPid !== process.pid && isAlive(ownerPid)) throw new DataDirInUseError(ownerPid, port);
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error;
  }
}

/** Ends a FerretDB left running by a crashed earlier start on the same data folder. */
function stopOrphan(pidFile: string, log: Log): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('ferretdb')) return;
    process.kill(pid, 'SIGKILL');
    log(`Stopped an orphaned FerretDB (pid ${pid}) left by an earlier run.`);
  } catch {
    // Not running any more: nothing to do.
  }
}

/**
 * Starts FerretDB with its SQLite backend on a free loopback port, data under `dataDir`.
 * It runs under a small shell watchdog that reads our stdin: when this process dies, however it
 * dies, the pipe closes and the watchdog ends FerretDB, so a crash leaves no orphan behind.
 */
export async function startEmbeddedFerretDb(
  dataDir: string,
  options: { log?: Log; database?: string; port?: number; /** host:port for FerretDB's debug handler (pprof): for the bench's --profile. */ debugAddr?: string } = {},
): Promise<EmbeddedDatabase> {
  const log = options.log ?? console.error;
  const bin = await ensureFerretBinary(log);
  const sqliteDir = join(dataDir, 'ferretdb');
  const stateDir = join(dataDir, 'ferretdb-state');
  mkdirSync(sqliteDir, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  const pidFile = join(stateDir, 'ferretdb.pid');
  const ownerFile = join(stateDir, 'owner.json');
  assertNotInUse(ownerFile);
  stopOrphan(pidFile, log);

  const port = options.port ?? (await freePort());
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${sqliteDir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    `--debug-addr=${options.debugAddr ?? '-'}`,
    `--state-dir=${stateDir}`,
    '--log-level=error',
  ];
  const quoted = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  // fd 3 keeps our stdin pipe for the watchdog: a background job's own stdin is /dev/null.
  const watchdog =
    `exec 3<&0; ${quoted} </dev/null 3<&- & pid=$!; echo $pid > '${pidFile}'; ` +
    // On TERM, wait for FerretDB to be gone before exiting, so stop() returns only once its port is closed.
    `trap 'kill $pid 2>/dev/null; wait $pid; exit 0' TERM INT; ` +
    `(cat <&3 >/dev/null; kill $pid 2>/dev/null) & exec 3<&-; wait $pid`;
  const child = spawn('sh', ['-c', watchdog], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  try {
    await waitForPort(port, child, 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  writeFileSync(ownerFile, JSON.stringify({ ownerPid: process.pid, port }));
  const database = options.database ?? 'agora';
  let stopped = false;
  return {
    port,
    uri: `mongodb://127.0.0.1:${port}/${database}`,
    stop: async (stopOptions?: { kill?: boolean }) => {
      if (stopped) return;
      stopped = true;
      if (stopOptions?.kill) {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) process.kill(pid, 'SIGKILL');
      }
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin?.end();
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
      // FerretDB may hold our stderr pipe a moment longer; nothing more is wanted from it.
      child.stderr?.destroy();
      child.stdin?.destroy();
      child.unref();
      rmSync(pidFile, { force: true });
      rmSync(ownerFile, { force: true });
    },
  };
}

/** Writes a file only when it is missing; returns its content. */
export function readOrCreate(path: string, create: () => string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const value = create();
  writeFileSync(path, value, { mode: 0o600 });
  return value;
}
