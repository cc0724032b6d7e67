// `npm run admin -- promote <username>`: build what is stale, then make the account admin.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale(['shared', 'api']);
createRequire(import.meta.url)(join(root, 'apps/api/dist/admin-cli.js'));
