import 'reflect-metadata';
import { loadEnv, type AppConfig } from './config/app-config';
import { createApp } from './create-app';
import { startEmbeddedFerretDb, type EmbeddedDatabase } from './infra/database/embedded-ferretdb';
import { SeedImporter } from './modules/articles/seed-importer';

async function bootstrap(): Promise<void> {
  const env = loadEnv();
  let embedded: EmbeddedDatabase | null = null;
  if (!env.MONGODB_URI) {
    embedded = await startEmbeddedFerretDb(env.DATA_DIR);
    console.error(`Embedded FerretDB listening on 127.0.0.1:${embedded.port} (data in ${env.DATA_DIR})`);
  }
  const config: AppConfig = { ...env, mongoUri: env.MONGODB_URI ?? embedded!.uri };
  const stopDatabase = async () => embedded?.stop();
  try {
    const app = await createApp(config);
    // Stopping the API stops the database it started.
    const shutdown = async (signal: string) => {
      console.error(`${signal}: shutting down`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      await app.close().catch(() => undefined);
      await stopDatabase();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    const seeds = app.get(SeedImporter);
    await seeds.importFiles(seeds.seedFiles());
    await app.listen(config.PORT, config.HOST);
    console.error(`Agora is listening on http://localhost:${config.PORT} (API under /api)`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
