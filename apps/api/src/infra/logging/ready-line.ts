import type { SeedOutcome } from '../../modules/articles/seed-importer';

/** The URI with any password taken out: the ready line ends up in log collectors. */
export function redactedUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)([^@/]*@)/, (_all, scheme: string, auth: string) => `${scheme}${auth.includes(':') ? `${auth.split(':')[0]}:***@` : auth}`);
}

function seedSummary(seeds: SeedOutcome[]): string {
  if (seeds.length === 0) return 'no seed files';
  const count = (status: SeedOutcome['status']) => seeds.filter((s) => s.status === status).length;
  const parts = [`${count('imported')} imported`, `${count('unchanged')} already present`];
  if (count('failed') > 0) parts.push(`${count('failed')} failed (see above)`);
  return `seeds: ${parts.join(', ')}`;
}

/** The last start-up line: where Agora listens, which database it uses, what the seed import did. */
export function readyLine(options: { port: number; embeddedDataDir: string | null; mongoUri: string; seeds: SeedOutcome[] }): string {
  const database = options.embeddedDataDir ? `embedded FerretDB, data in ${options.embeddedDataDir}` : `MongoDB at ${redactedUri(options.mongoUri)}`;
  return `Agora is ready at http://localhost:${options.port} (database: ${database}; ${seedSummary(options.seeds)})`;
}
