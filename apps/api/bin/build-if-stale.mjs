// Builds each workspace whose output is missing or older than its sources, so `npm start` and the
// CLIs work straight after `npm install` and stay current after an edit.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

const targets = {
  shared: { workspace: '@agora/shared', sources: ['libs/shared/src', 'libs/shared/tsconfig.lib.json'], output: 'libs/shared/dist/index.js' },
  api: { workspace: '@agora/api', sources: ['apps/api/src', 'apps/api/tsconfig.app.json', 'libs/shared/src'], output: 'apps/api/dist/main.js' },
  web: { workspace: '@agora/web', sources: ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/shared/src'], output: 'apps/web/dist/index.html' },
};

/** Builds the named workspaces that are stale; returns the names built. */
export function buildIfStale(names, log = (line) => process.stderr.write(line + '\n')) {
  const built = [];
  for (const name of names) {
    const t = targets[name];
    if (name === 'web' && !existsSync(join(root, 'apps/web/index.html'))) continue;
    const out = join(root, t.output);
    const outTime = existsSync(out) ? statSync(out).mtimeMs : 0;
    const srcTime = Math.max(...t.sources.map((s) => newest(join(root, s))));
    if (outTime && outTime >= srcTime) continue;
    log(`Building ${t.workspace}...`);
    execSync(`npm run build -w ${t.workspace}`, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    built.push(name);
  }
  return built;
}
