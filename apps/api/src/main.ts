import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadEnv, type AppConfig } from './config/app-config';
import { createApp } from './create-app';
import { startEmbeddedFerretDb, type EmbeddedDatabase } from './infra/database/embedded-ferretdb';
import { AppLogger } from './infra/logging/app-logger';
import { readyLine } from './infra/logging/ready-line';
import { SeedImporter } from './modules/articles/seed-importer';

async function bootstrap(): Promise<void> {
  const env = loadEnv();
  let embedded: EmbeddedDatabase | null = null;
  if (!env.MONGODB_URI) embedded = await startEmbeddedFerretDb(env.DATA_DIR);
  const config: AppConfig = { ...env, mongoUri: env.MONGODB_URI ?? embedded!.uri };
  const stopDatabase = async () => embedded?.stop();
  try {
    const app = await createApp(config);
    const logger = app.get(AppLogger);
    // Stopping the API stops the database it started.
    const shutdown = async (signal: string) => {
      logger.log(`${signal}: shutting down`, 'Agora');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      await app.close().catch(() => undefined);
      await stopDatabase();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    const seeds = app.get(SeedImporter);
    const outcomes = await seeds.importFiles(seeds.seedFiles());
    await app.listen(config.PORT, config.HOST);
    const { port } = app.getHttpServer().address() as AddressInfo;
    logger.log(readyLine({ port, embeddedDataDir: embedded ? config.DATA_DIR : null, mongoUri: config.mongoUri, seeds: outcomes }), 'Agora');
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
