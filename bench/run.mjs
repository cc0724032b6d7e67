// `npm run bench`: Agora's hot paths beside baselines measured in the same run. Builds what is stale,
// starts one embedded FerretDB and the API (child process), runs the scenarios, prints the table and
// writes bench/results/latest.json; stops everything at the end or on error.
//   npm run bench                      every scenario
//   npm run bench -- --only=vote,tree  some of them, by scenario (scale reports rows scale-1, scale-2 and
//                                      scale-gain; big-debate, big-debate and big-debate-cold)
//   npm run bench -- --profile         also writes CPU profiles of the API (whole run) and of FerretDB (each
//                                      throughput scenario's measured API run) to bench/results/profile/
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIfStale, root } from '../apps/api/bin/build-if-stale.mjs';
import { bigDebateScenario } from './scenarios/big-debate.mjs';
import { fanoutScenario } from './scenarios/fanout.mjs';
import { ingestScenario } from './scenarios/ingest.mjs';
import { replyScenario } from './scenarios/reply.mjs';
import { scaleScenario } from './scenarios/scale.mjs';
import { treeScenario } from './scenarios/tree.mjs';
import { voteScenario } from './scenarios/vote.mjs';
import { startEnvironment } from './support/environment.mjs';
import { CONCURRENCY, MEASURE_SECONDS, WARMUP_SECONDS } from './support/settings.mjs';
import { summarizeProfile } from './support/profile-summary.mjs';
import { formatTable, publishable, writeResults } from './support/report.mjs';

const SCENARIOS = {
  vote: voteScenario,
  reply: replyScenario,
  scale: scaleScenario,
  tree: treeScenario,
  'big-debate': bigDebateScenario,
  fanout: fanoutScenario,
  ingest: ingestScenario,
};
/**
 * Run order: the tree scenario writes 10,000 nodes into the API's database, and on FerretDB every
 * query not by _id reads the whole collection, so the write paths (and the vote that fan-out sends)
 * run before it. Scale writes into databases of its own but loads the shared FerretDB and machine,
 * so it runs with the write paths; big-debate writes 60,000 nodes and 300,000 votes into a database
 * of its own, and runs last of those that need a server, when nothing else is left to slow down.
 * Results are listed in the order of SCENARIOS.
 */
const RUN_ORDER = ['vote', 'reply', 'scale', 'fanout', 'tree', 'big-debate', 'ingest'];
/** Scenarios that need no server. */
const STANDALONE = new Set(['ingest']);

const log = (line) => process.stderr.write(line + '\n');

function parseArgs(argv) {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').filter(Boolean);
  for (const name of only ?? []) if (!SCENARIOS[name]) throw new Error(`Unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const chosen = new Set(only ?? Object.keys(SCENARIOS));
  return { only: RUN_ORDER.filter((name) => chosen.has(name)), profile: argv.includes('--profile') };
}

async function main() {
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  const options = parseArgs(process.argv.slice(2));
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  buildIfStale(['shared', 'api'], log);

  const profileDir = options.profile ? join(resultsDir, 'profile') : null;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  const needsServer = options.only.some((name) => !STANDALONE.has(name));
  let env = null;
  const stop = async () => {
    const current = env;
    env = null;
    await current?.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void stop().finally(() => process.exit(130));
    });
  }

  /** Rows of the table, each with the scenario that reported it. */
  const scenarios = [];
  const details = {};
  const notes = {};
  /** Rows a scenario marked as failed (a check, not a target), with why. */
  const failures = {};
  try {
    if (needsServer) {
      log('Starting FerretDB and the API...');
      env = await startEnvironment({ root, resultsDir, profile: profileDir, log });
    }
    for (const name of options.only) {
      log(`\n[${name}]`);
      const t0 = performance.now();
      const outcome = await SCENARIOS[name](env, log, { root });
      const rows = outcome.scenarios ?? [outcome.scenario];
      scenarios.push(...rows.map((row) => ({ row, from: name })));
      details[name] = outcome.details;
      notes[name] = outcome.notes;
      Object.assign(failures, outcome.failures);
      log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${rows.map((row) => JSON.stringify(publishable(row))).join(' ')}`);
    }
  } finally {
    await stop();
  }

  const environment = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    database: 'embedded FerretDB v1.24.2 (SQLite backend), one instance shared by both sides',
    settings: { concurrency: CONCURRENCY, warmupSeconds: WARMUP_SECONDS, measureSeconds: MEASURE_SECONDS },
    seconds: Math.round((performance.now() - started) / 1000),
    // Other work on the machine shifts every figure; both sides of a comparison share it, not its timing.
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] },
  };
  const listed = Object.keys(SCENARIOS);
  // A stable sort: a scenario's rows keep their own order.
  scenarios.sort((a, b) => listed.indexOf(a.from) - listed.indexOf(b.from));
  const rows = scenarios.map(({ row }) => publishable(row));
  console.log('\n' + formatTable(rows, failures));
  for (const name of listed.filter((n) => notes[n])) console.log(`\n${name}:\n${notes[name].map((n) => `  ${n}`).join('\n')}`);
  for (const [name, why] of Object.entries(failures)) console.log(`\nFAILED ${name}: ${why}`);
  if (Object.keys(failures).length) process.exitCode = 1;
  if (profileDir) console.log('\n(--profile: the API ran under --cpu-prof, so its figures are a little low.)');
  writeResults(join(resultsDir, 'latest.json'), { scenarios: rows, details, environment, failures });
  console.log(`\nWritten to bench/results/latest.json (${environment.seconds} s in all; 1-minute load average ${loadAtStart.toFixed(1)} at start, ${environment.loadAverage.atEnd.toFixed(1)} at end, on ${environment.cpus} CPUs).`);
  if (profileDir) {
    const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).sort();
    if (files.length) {
      const file = join(profileDir, files[files.length - 1]);
      console.log(`\nAPI CPU profile: ${file}`);
      console.log(summarizeProfile(file));
    }
  }
}

main().catch((error) => {
  log(`\nbench failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
