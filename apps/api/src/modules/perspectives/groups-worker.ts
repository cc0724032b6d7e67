import type { GroupTotals, OpinionGroups, ReaderVote } from '@agora/shared';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The shared library's built code, for the worker to load: found from its package.json, as test
 * runners map the package's own name onto its TypeScript sources.
 */
const SHARED = (() => {
  const pkg = createRequire(__filename).resolve('@agora/shared/package.json');
  return join(dirname(pkg), (JSON.parse(readFileSync(pkg, 'utf8')) as { main: string }).main);
})();

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const shared = require(workerData.shared);
const { groups, members } = shared.opinionGroups(workerData.votes, { previous: workerData.previous });
parentPort.postMessage({ groups, members, totals: shared.groupTotals(workerData.votes, members) });
`;

export type ComputedGroups = OpinionGroups & { totals: GroupTotals };

/**
 * Opinion groups and each node's per-group totals, computed in a worker thread: on a big debate the
 * decomposition and the clustering take a second or more, which must not hold up the requests this
 * instance serves meanwhile.
 */
export function computeGroupsInWorker(votes: readonly ReaderVote[], previous: OpinionGroups['groups']): Promise<ComputedGroups> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true, workerData: { shared: SHARED, votes, previous } });
    worker.once('message', (result: ComputedGroups) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the groups' worker stopped (exit code ${code})`)));
  });
}
