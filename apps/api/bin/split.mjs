// `npm run split -- <file>`: prints the article's title, paragraphs and annotated sentences (with their
// argument roles, targets and stances) as JSON,
// exactly as the API would store them. Uses the built shared library, building it first when it is
// missing or older than its sources, so the command works straight after `npm install`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'libs/shared/dist/index.js');
const sources = ['libs/shared/src', 'libs/shared/tsconfig.lib.json', 'tsconfig.json'].map((path) => join(root, path));

function fail(message, code = 1) {
  process.stderr.write(`split: ${message}\n`);
  process.exit(code);
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, entry) => Math.max(latest, newest(join(path, entry))), 0);
}

function buildSharedIfStale() {
  const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
  if (built && built >= Math.max(...sources.map(newest))) return;
  process.stderr.write('split: building @agora/shared...\n');
  try {
    // tsc reports errors on stdout; send them to stderr so stdout stays pure JSON.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'libs/shared/tsconfig.lib.json'], {
      cwd: root,
      stdio: ['ignore', 2, 'inherit'],
    });
  } catch {
    // tsc still emits on type errors (perhaps in code unrelated to ingestion); use that output if there is some.
    if (!existsSync(dist) || statSync(dist).mtimeMs <= built) fail('building the shared library failed (see above)');
    process.stderr.write('split: the shared library has type errors; using what tsc emitted\n');
  }
}

const file = process.argv[2];
if (!file) fail('usage: npm run split -- <article.txt|article.md>', 2);
// npm runs scripts from the repository root; resolve the path from where the user typed it.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
if (!existsSync(path) || !statSync(path).isFile()) fail(`no such file: ${file}`);

buildSharedIfStale();
const { splitArticle } = require(dist);
const { title, metadata, paragraphs } = splitArticle(readFileSync(path, 'utf8'));

// Only the stored shape: anything the library adds later (nodeId, counts) stays out.
const output = {
  title,
  metadata,
  paragraphs: paragraphs.map(({ index, text, sentences }) => ({
    index,
    text,
    sentences: sentences.map(({ index, text, start, end, role, target, stance, attribution, hedges, question }) => ({
      index,
      text,
      start,
      end,
      role,
      target,
      stance,
      attribution,
      hedges,
      question,
    })),
  })),
};
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
