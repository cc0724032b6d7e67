import 'reflect-metadata';
import { loadEnv } from './config/app-config';
import { exportDatabase, importDatabase, withDatabase, type BackupSummary } from './infra/database/backup';
import { reachDatabase } from './infra/database/reach-database';
import { runCli } from './run-cli';

const USAGE = 'usage: npm run export -- <file.agora.gz>   |   npm run import -- <file.agora.gz>';

const summary = (header: BackupSummary): string =>
  Object.entries(header.collections)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');

/**
 * `npm run export -- FILE` writes the configured database (MONGODB_URI, or the embedded one under
 * DATA_DIR, running or not) to FILE; `npm run import -- FILE` restores FILE into it, which must be
 * empty. Export from the embedded database and import with MONGODB_URI set to move to MongoDB.
 */
async function main([command, file]: string[]): Promise<number> {
  if ((command !== 'export' && command !== 'import') || !file) {
    console.error(USAGE);
    return 2;
  }
  const env = loadEnv({ LOG_LEVEL: 'warn', ...process.env });
  const database = await reachDatabase(env);
  const uri = database.uri;
  try {
    await withDatabase(uri, async (db) => {
      if (command === 'export') {
        const done = await exportDatabase(db, file);
        console.log(`Exported ${db.databaseName} to ${file}: ${summary(done)}`);
      } else {
        const done = await importDatabase(db, file);
        console.log(`Imported ${file} (exported ${done.exportedAt}) into ${db.databaseName}: ${summary(done)}`);
      }
    });
    return 0;
  } finally {
    await database.stop();
  }
}

runCli(main);
