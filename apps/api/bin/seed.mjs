// `npm run seed -- <file...>`: build what is stale, then import the files (paths from where npm ran).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale(['shared', 'api']);
const cwd = process.env.INIT_CWD ?? process.cwd();
process.argv = [process.argv[0], process.argv[1], ...process.argv.slice(2).map((f) => resolve(cwd, f))];
createRequire(import.meta.url)(join(root, 'apps/api/dist/seed-cli.js'));
