import { withAppContext } from './cli-context';
import { runCli } from './run-cli';
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
  return withAppContext(async (app) => {
    const outcome = await app.get(UsersRepository).promoteToAdmin(username);
    if (outcome === 'no-such-user') {
      console.error(`No account is named ${username}: register it first.`);
      return 1;
    }
    console.log(outcome === 'promoted' ? `${username} is now an admin (and signs in again).` : `${username} is already an admin.`);
    return 0;
  });
}

runCli(main);
