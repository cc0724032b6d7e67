// `npm run db`: build what is stale, then run the embedded database alone and print its URI.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale(['shared', 'api']);
createRequire(import.meta.url)(join(root, 'apps/api/dist/db-cli.js'));
