// `npm run export -- FILE` / `npm run import -- FILE`: build what is stale, then run the backup CLI (FILE from where npm ran).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale(['shared', 'api']);
const cwd = process.env.INIT_CWD ?? process.cwd();
const [command, file, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], process.argv[1], command, ...(file ? [resolve(cwd, file)] : []), ...rest];
createRequire(import.meta.url)(join(root, 'apps/api/dist/backup-cli.js'));
