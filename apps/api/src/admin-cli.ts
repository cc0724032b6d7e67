import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadEnv, type AppConfig } from './config/app-config';
import { ensureIndexes } from './create-app';
import { reachDatabase } from './infra/database/reach-database';
import { UsersRepository } from './modules/users/users.repository';

const USAGE = 'usage: npm run admin -- promote <username>';

/**
 * `npm run admin -- promote <username>`: makes an existing account admin, in the configured database
 * (MONGODB_URI) or in the running Agora's embedded one under DATA_DIR, as `npm run seed` reaches it.
 * Registering never makes an admin; this is how the first one is made. The account signs in again.
 */
async function main(args: string[]): Promise<number> {
  const [command, username, ...rest] = args;
  if (command !== 'promote' || !username || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const env = loadEnv({ LOG_LEVEL: 'warn', ...process.env });
  const database = await reachDatabase(env);
  const mongoUri = database.uri;
  const config: AppConfig = { ...env, mongoUri };
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    await ensureIndexes(app);
    const outcome = await app.get(UsersRepository).promoteToAdmin(username);
    if (outcome === 'no-such-user') {
      console.error(`No account is named ${username}: register it first.`);
      return 1;
    }
    console.log(outcome === 'promoted' ? `${username} is now an admin (and signs in again).` : `${username} is already an admin.`);
    return 0;
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
