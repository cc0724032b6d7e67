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

/**
 * The scale scenario: this many clients in all, split evenly across the API instances (one, then two)
 * or the raw driver's clients (two); one operation in SCALE_REPLY_EVERY is a reply, the others votes.
 */
export const SCALE_CONCURRENCY = 8;
export const SCALE_REPLY_EVERY = 5;
/** The Redis the scale scenario's API instances share (BENCH_REDIS_URL to change it). */
export const SCALE_REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';

/** The big-debate article: its nodes, its votes and the readers who cast them. */
export const BIG_DEBATE_NODES = 10_000;
export const BIG_DEBATE_VOTES = 50_000;
export const BIG_DEBATE_VOTERS = 5_000;
/** Readers loading the first screen at once in the warm measurement. */
export const BIG_DEBATE_READERS = 4;
/** Copies of the article the API has never read, each loaded once: the cold samples (BENCH_BIG_DEBATE_COLD for a quicker run). */
export const BIG_DEBATE_COLD_SAMPLES = Number(process.env.BENCH_BIG_DEBATE_COLD || 5);
/** Timed raw finds of the warm article (after one untimed). */
export const BIG_DEBATE_RAW_SAMPLES = 5;

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
  'scale-1': { test: (s) => s.ratio >= 0.5, text: '1 instance >= 0.5x 2 raw clients' },
  'scale-2': { test: (s) => s.ratio >= 0.5, text: '2 instances >= 0.5x 2 raw clients' },
  'scale-gain': { test: (s) => s.ratio >= 1.0, text: '2 instances >= 1.0x 1 instance' },
  'big-debate': { test: (s) => s.p50 <= 150, text: 'warm p50 <= 150 ms' },
  'big-debate-cold': { test: (s) => s.ratio <= 1.5, text: 'cold <= 1.5x raw find' },
};
