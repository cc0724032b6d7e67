/**
 * Brings a stored, derived figure (vote totals, reply counts) into line with its source of truth
 * without transactions: write what the truth says, then look again and rewrite while they differ.
 * Whoever writes last also checks last, so concurrent writers settle on the truth even on databases
 * whose read-modify-write updates are not atomic under concurrency (FerretDB's SQLite backend).
 */
export async function converge<T>(steps: {
  /** Reads the truth and the stored figure together (null when the record is gone). */
  observe: () => Promise<{ truth: T; stored: T | null }>;
  write: (value: T) => Promise<unknown>;
  equal: (a: T, b: T) => boolean;
  maxRounds?: number;
}): Promise<T> {
  const rounds = steps.maxRounds ?? 8;
  let { truth } = await steps.observe();
  for (let round = 0; round < rounds; round++) {
    await steps.write(truth);
    const seen = await steps.observe();
    if (seen.stored === null || steps.equal(seen.truth, seen.stored)) return seen.truth;
    truth = seen.truth;
  }
  return truth;
}
