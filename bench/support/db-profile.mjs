// With --profile: FerretDB's own CPU profile (Go's pprof, from its debug handler) over the API's
// measured run, and how its time splits between the commands it served. This is what showed that
// pruning the replay log by filter (a read of the whole log) was 40% of the database's CPU per reply.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Starts taking the database's profile for `seconds`; the promise gives the saved file, or null when none could be taken. */
export function startDatabaseProfile(env, name, seconds, log) {
  if (!env.dbProfileUrl) return Promise.resolve(null);
  return fetch(`${env.dbProfileUrl}?seconds=${seconds}`)
    .then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const file = join(env.profileDir, `ferretdb-${name}.pprof`);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      return file;
    })
    .catch((error) => {
      log(`  no database profile for ${name}: ${error.message}`);
      return null;
    });
}

/** Each command handler's share of the database's CPU (inclusive), from `go tool pprof`; null without Go. */
export function commandShares(file) {
  const top = spawnSync('go', ['tool', 'pprof', '-top', '-cum', '-nodecount=400', file], { encoding: 'utf8' });
  if (top.status !== 0) return null;
  const shares = [];
  for (const line of top.stdout.split('\n')) {
    // "flat flat% sum% cum cum% name": the command handlers are FerretDB's Handler.Msg* methods.
    const [, , , , cumPercent, name] = line.trim().split(/\s+/);
    const command = /handler\.\(\*Handler\)\.Msg(\w+)$/.exec(name ?? '')?.[1];
    if (command) shares.push({ command, cumPercent: parseFloat(cumPercent) });
  }
  return shares;
}

export function databaseProfileNotes(file) {
  if (!file) return [];
  const shares = commandShares(file);
  if (!shares) return [`database CPU profile: ${file} (go tool pprof was not available to summarize it)`];
  return [`database CPU profile: ${file}; share of the database's CPU by command:`, ...shares.map((s) => `  ${s.cumPercent.toFixed(1).padStart(5)}%  ${s.command}`)];
}
