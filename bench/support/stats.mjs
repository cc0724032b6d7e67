// Percentiles and a closed-loop load driver that measures driver calls the way autocannon measures
// HTTP requests: a fixed number of workers, each starting its next operation when the last one ends.
import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** p50 and p99 of latencies in milliseconds. */
export function latencySummary(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), samples: sorted.length };
}

/**
 * Runs `op()` from `concurrency` workers until `seconds` have passed. Only operations that finish
 * inside the window count, as with autocannon, whose in-flight requests at the end are dropped.
 */
export async function closedLoop({ concurrency, seconds, op }) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await op();
        const t1 = performance.now();
        if (t1 <= deadline) latencies.push(t1 - t0);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { completed: latencies.length, errors, firstError, latencies, seconds };
}

/** Runs `op` `count` times one after another and returns each duration in milliseconds. */
export async function sequential(count, op) {
  const durations = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await op(i);
    durations.push(performance.now() - t0);
  }
  return durations;
}
