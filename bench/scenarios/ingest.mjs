// Ingestion: splitArticle (libs/shared) on a ~1 MB article, median of INGEST_RUNS runs after a warm-up
// run, beside a naive split of the same text on blank lines and ". ", so the ratio is the price of
// the careful splitter (Markdown, hard wraps, abbreviations, quotes, offsets, roles, attribution).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { INGEST_BYTES, INGEST_RUNS } from '../support/settings.mjs';
import { articleText } from '../support/article-text.mjs';
import { median, sequential } from '../support/stats.mjs';

const require = createRequire(import.meta.url);

export function naiveSplit(text) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, sentences: p.split('. ') }));
}

export async function ingestScenario(_env, log, { root }) {
  const { splitArticle } = require(join(root, 'libs/shared/dist/index.js'));
  const text = articleText(root, INGEST_BYTES);
  const bytes = Buffer.byteLength(text);
  log(`  splitting ${(bytes / 2 ** 20).toFixed(2)} MB: 1 warm-up run, then ${INGEST_RUNS} timed, each way`);
  let split = splitArticle(text);
  let naive = naiveSplit(text);
  const careful = await sequential(INGEST_RUNS, () => void (split = splitArticle(text)));
  const quick = await sequential(INGEST_RUNS, () => void (naive = naiveSplit(text)));
  const value = median(careful);
  const baseline = median(quick);
  const sentences = split.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  const naiveSentences = naive.reduce((n, p) => n + p.sentences.length, 0);
  const sorted = [...careful].sort((a, b) => a - b);
  return {
    scenario: { name: 'ingest', metric: 'split 1 MB (median)', value, unit: 'ms', baseline, ratio: value / baseline, p50: value, p99: sorted.at(-1) },
    details: { bytes, runs: INGEST_RUNS, paragraphs: split.paragraphs.length, sentences, naiveParagraphs: naive.length, naiveSentences, runsMs: careful, naiveRunsMs: quick },
    notes: [
      `${bytes} bytes: ${split.paragraphs.length} paragraphs, ${sentences} sentences (naive: ${naive.length}, ${naiveSentences}); p99 column is the slowest of ${INGEST_RUNS} runs`,
      `splitArticle median ${value.toFixed(1)} ms (runs ${careful.map((t) => t.toFixed(0)).join(', ')}); naive median ${baseline.toFixed(1)} ms`,
    ],
  };
}
