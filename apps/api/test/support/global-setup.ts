import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedFerretDb, type EmbeddedDatabase } from '../../src/infra/database/embedded-ferretdb';

declare global {
  var __AGORA_TEST_DB__: EmbeddedDatabase | undefined;
}

/**
 * One database server for the whole test run: an embedded FerretDB in a temporary folder, unless
 * MONGODB_URI points at one already. Each test file then uses a database of its own name.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.AGORA_TEST_MONGO_BASE = process.env.MONGODB_URI;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'agora-test-db-'));
  const db = await startEmbeddedFerretDb(dataDir, { log: (line) => process.stderr.write(`${line}\n`) });
  globalThis.__AGORA_TEST_DB__ = db;
  process.env.AGORA_TEST_MONGO_BASE = db.uri;
  process.env.AGORA_TEST_DATA_DIR = dataDir;
}
