import { createServer } from 'node:net';
import { loadEnv } from './config/app-config';
import { startEmbeddedFerretDb } from './infra/database/embedded-ferretdb';

/** FerretDB on a taken port would exit, but the launcher would first find the other server listening there. */
async function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`DB_PORT ${port} is in use.`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/**
 * `npm run db`: starts the embedded database on its own, prints its MongoDB URI (the only line on
 * stdout) and runs until stopped, so that several API instances can share it through MONGODB_URI.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  if (env.DB_PORT !== undefined) await assertPortFree(env.DB_PORT);
  const db = await startEmbeddedFerretDb(env.DATA_DIR, { port: env.DB_PORT });
  const stop = (signal: string) => {
    console.error(`${signal}: stopping the database`);
    void db.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.error(`Embedded FerretDB on 127.0.0.1:${db.port}, data in ${env.DATA_DIR}; Ctrl-C stops it.`);
  console.log(db.uri);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
