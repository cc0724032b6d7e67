// Child processes of the benchmark (the database, the API, the bare socket.io server), started on
// loopback ports and always stopped, plus the CPU time each has spent, read from /proc.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a Node script as a child with its output appended to `logFile` (and an IPC channel when
 * `ipc`); resolves once `ready()` says so, rejects (and kills the child) when it exits first or `timeoutMs` passes.
 */
export async function startNode({ script, args = [], nodeArgs = [], env, cwd, logFile, ready, timeoutMs = 60_000, name, ipc = false }) {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd, env, stdio: ['ignore', log, log, ...(ipc ? ['ipc'] : [])] });
  closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const handle = {
    name,
    child,
    pid: child.pid,
    /** SIGTERM, then SIGKILL if it has not gone after `graceMs`. */
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited during start-up (code ${child.exitCode}, signal ${child.signalCode}); see ${logFile}:\n${tail(logFile)}`);
    }
    try {
      if (await ready()) return handle;
    } catch (error) {
      lastError = error;
    }
    await sleep(200);
  }
  await handle.stop(2000);
  throw new Error(`${name} was not ready within ${timeoutMs} ms (${lastError?.message ?? 'no answer'}); see ${logFile}:\n${tail(logFile)}`);
}

export function tail(file, chars = 3000) {
  return existsSync(file) ? readFileSync(file, 'utf8').slice(-chars) : '';
}

let ticksPerSecond = null;
function clockTicks() {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU milliseconds (user + system) a process has used so far, or null where /proc is unavailable. */
export function cpuMillis(pid) {
  if (pid === process.pid) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** The FerretDB process id the embedded launcher records in its state folder. */
export function ferretPid(dataDir) {
  const file = join(dataDir, 'ferretdb-state', 'ferretdb.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Measures the CPU time each named process spends during `work()`: which side of a comparison burns
 * the two cores, the API, the database or the load generator.
 */
export async function withCpu(pids, work) {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, pid ? cpuMillis(pid) : null]));
  const result = await work();
  const cpu = {};
  for (const [name, pid] of Object.entries(pids)) {
    const after = pid ? cpuMillis(pid) : null;
    cpu[name] = before[name] === null || after === null ? null : after - before[name];
  }
  return { result, cpu };
}
