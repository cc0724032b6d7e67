// The knobs of `npm run bench`, in one place. Both sides of every comparison read the same values.

/** Concurrent requests (API) or concurrent driver calls (baseline) in the throughput scenarios. */
export const CONCURRENCY = 4;
/** Discarded run before each measured one, so JIT, connection pools and SQLite caches are warm. */
export const WARMUP_SECONDS = 3;
/** Measured run of each throughput scenario, per side. */
export const MEASURE_SECONDS = 10;

/** Users and reply nodes the vote scenario rotates through (users × nodes, minus own nodes). */
export const VOTE_USERS = 30;
export const VOTE_NODES = 30;

/** Nodes in the article whose tree is loaded, and how many loads are measured after the warm-up. */
export const TREE_NODES = 10_000;
export const TREE_WARMUP = 1;
export const TREE_SAMPLES = 7;

/** Sockets in the article room, and the votes (after warm-up votes) whose delivery is timed. */
export const FANOUT_CLIENTS = 1000;
export const FANOUT_WARMUP = 3;
export const FANOUT_ROUNDS = 20;
/** A round whose messages have not all arrived by then is counted with its losses and left. */
export const FANOUT_ROUND_TIMEOUT_MS = 5000;

/** Size of the generated article, and how many timed splits give the median. */
export const INGEST_BYTES = 1024 * 1024;
export const INGEST_RUNS = 7;

/**
 * What the issue asks for. `ratio` is value / baseline; throughput wants a high ratio, latency a low one.
 * Ingestion is judged on its own figure (the naive split is context, not a target).
 */
export const TARGETS = {
  vote: { test: (s) => s.ratio >= 0.5, text: 'throughput >= 0.5x raw driver' },
  reply: { test: (s) => s.ratio >= 0.5, text: 'throughput >= 0.5x raw driver' },
  tree: { test: (s) => s.ratio <= 1.3, text: 'p50 <= 1.3x raw find' },
  fanout: { test: (s) => s.ratio <= 1.5, text: 'p99 <= 1.5x bare socket.io' },
  ingest: { test: (s) => s.value < 300, text: '1 MB split < 300 ms' },
};
