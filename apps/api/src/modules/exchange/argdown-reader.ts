import { DomainError, ERROR_CODES, type ArgdownModel } from '@agora/shared';
import { Worker } from 'node:worker_threads';

/** Longest a document may take to parse before it is refused (the worker is stopped). */
const PARSE_TIMEOUT_MS = 10_000;

/**
 * @argdown/core is published as ES modules only, which this CommonJS build (and jest's module system)
 * cannot load in-process; a worker thread runs on Node's own loader, where a dynamic import() of it
 * works. The worker reads the document into statements and the relations between them, and ends.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const SUPPORTS = new Set(['support', 'entails']);
const ATTACKS = new Set(['attack', 'undercut', 'contrary', 'contradictory']);
import(pathToFileURL(workerData.core).href).then((m) => {
  const app = new m.ArgdownApplication();
  app.addPlugin(new m.ParserPlugin(), 'parse-input');
  app.addPlugin(new m.DataPlugin(), 'build-model');
  app.addPlugin(new m.ModelPlugin(), 'build-model');
  const r = app.run({ process: ['parse-input', 'build-model'], input: workerData.input });
  const statements = Object.values(r.statements || {}).map((s) => ({ title: s.title, text: ((s.members || [])[0] || {}).text || '' }));
  const relations = (r.relations || [])
    .filter((x) => x.from && x.to && x.from.type !== 'argument' && x.to.type !== 'argument' && (SUPPORTS.has(x.relationType) || ATTACKS.has(x.relationType)))
    .map((x) => ({ from: x.from.title, to: x.to.title, relation: SUPPORTS.has(x.relationType) ? 'support' : 'attack' }));
  const errors = [...(r.parserErrors || []), ...(r.lexerErrors || [])].map((e) => String(e.message));
  const title = ((r.sections || [])[0] || {}).title || null;
  parentPort.postMessage({ title, statements, relations, errors });
}).catch((e) => parentPort.postMessage({ failed: String(e && e.message || e) }));
`;

/** Reads an Argdown document with @argdown/core into its statements and their relations. */
export function readArgdown(input: string): Promise<ArgdownModel> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { core: require.resolve('@argdown/core'), input } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new DomainError(ERROR_CODES.ARTICLE_INVALID, 'The Argdown document took too long to read.'));
    }, PARSE_TIMEOUT_MS);
    worker.once('message', (message: ArgdownModel | { failed: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if ('failed' in message) reject(new Error(`Argdown reader failed: ${message.failed}`));
      else resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
