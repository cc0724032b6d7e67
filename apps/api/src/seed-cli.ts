import { withAppContext } from './cli-context';
import { runCli } from './run-cli';
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
  return withAppContext(async (app) => {
    const outcomes = await app.get(SeedImporter).importFiles(files);
    for (const o of outcomes) {
      if (o.status === 'failed') console.log(`failed     ${o.file}: ${o.error}`);
      else console.log(`${o.status.padEnd(10)} ${o.file}: "${o.title}" (${o.paragraphs} paragraphs, id ${o.articleId})`);
    }
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  });
}

runCli(main);
