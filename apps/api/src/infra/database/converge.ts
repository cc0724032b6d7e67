/**
 * Brings a stored, derived figure (vote totals, reply counts, strength) into line with its source of
 * truth without transactions: write what the truth says, then look again and rewrite while they differ.
 * Whoever writes last also checks last, so concurrent writers settle on the truth even on databases
 * whose read-modify-write updates are not atomic under concurrency (FerretDB's SQLite backend).
 */
export async function converge<T>(steps: {
  truth: () => Promise<T>;
  stored: () => Promise<T | null>;
  write: (value: T) => Promise<unknown>;
  equal: (a: T, b: T) => boolean;
  maxRounds?: number;
}): Promise<T> {
  const rounds = steps.maxRounds ?? 8;
  let value = await steps.truth();
  for (let round = 0; round < rounds; round++) {
    await steps.write(value);
    const [truth, stored] = await Promise.all([steps.truth(), steps.stored()]);
    if (stored !== null && steps.equal(truth, stored)) return truth;
    value = truth;
  }
  return value;
}
