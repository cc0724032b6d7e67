// `npm run dev`: the API rebuilt and restarted on change, and Vite's dev server proxying /api to it.
import { spawn } from 'node:child_process';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale(['shared', 'api']);
const children = [
  spawn('npx', ['tsc', '-p', 'libs/shared/tsconfig.lib.json', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['tsc', '-p', 'apps/api/tsconfig.app.json', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' }),
  spawn('node', ['--watch-path=apps/api/dist', '--watch-path=libs/shared/dist', 'apps/api/dist/main.js'], { cwd: root, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', '@agora/web'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
