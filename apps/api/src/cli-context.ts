import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadEnv, type AppConfig } from './config/app-config';
import { ensureIndexes } from './create-app';
import { reachDatabase } from './infra/database/reach-database';

/**
 * Runs a command-line tool's work inside Agora's modules (no HTTP server) on its database, as
 * `reachDatabase` finds it, with the indexes in place; closes both after. Resolves to the exit code.
 */
export async function withAppContext(work: (app: INestApplicationContext) => Promise<number>): Promise<number> {
  const env = loadEnv({ LOG_LEVEL: 'warn', ...process.env });
  const database = await reachDatabase(env);
  const config: AppConfig = { ...env, mongoUri: database.uri };
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    await ensureIndexes(app);
    return await work(app);
  } finally {
    await app.close();
    await database.stop();
  }
}
