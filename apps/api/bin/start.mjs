// `npm start`: build what is stale, then run the API, which serves the web client on the same port.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale(['shared', 'api']);
try {
  buildIfStale(['web']);
} catch {
  // The API is still useful without the client; say so loudly rather than refuse to start.
  console.error('The web client failed to build (see above); starting the API alone.');
}
createRequire(import.meta.url)(join(root, 'apps/api/dist/main.js'));
