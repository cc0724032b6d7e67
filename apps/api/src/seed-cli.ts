import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadEnv, type AppConfig } from './config/app-config';
import { ensureIndexes } from './create-app';
import { reachDatabase } from './infra/database/reach-database';
import { SeedImporter } from './modules/articles/seed-importer';

/**
 * `npm run seed -- <file...>`: imports articles idempotently into the configured database, or into a
 * running Agora's embedded one, and says what it did with each file.
 */
async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run seed -- <file...>');
    return 2;
  }
  const env = loadEnv({ LOG_LEVEL: 'warn', ...process.env });
  const database = await reachDatabase(env);
  const mongoUri = database.uri;
  const config: AppConfig = { ...env, mongoUri };
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    await ensureIndexes(app);
    const outcomes = await app.get(SeedImporter).importFiles(files);
    for (const o of outcomes) {
      if (o.status === 'failed') console.log(`failed     ${o.file}: ${o.error}`);
      else console.log(`${o.status.padEnd(10)} ${o.file}: "${o.title}" (${o.paragraphs} paragraphs, id ${o.articleId})`);
    }
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  } finally {
    await app.close();
    await database.stop();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
