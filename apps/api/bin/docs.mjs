// `npm run docs`: rewrites the README's live-events section from the shared event maps' documentation.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale(['shared', 'api']);
const { withLiveEvents } = createRequire(import.meta.url)(join(root, 'apps/api/dist/openapi/live-events.doc.js'));
const path = join(root, 'README.md');
writeFileSync(path, withLiveEvents(readFileSync(path, 'utf8')));
console.error('README.md: live events section written.');
