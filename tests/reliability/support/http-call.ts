/** One HTTP answer as a reliability test records it: status 0 when no answer came (refused, reset, timed out). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  ms: number;
  error?: string;
}

/**
 * A JSON request with a deadline, so a hung server fails the test instead of stalling it. Never
 * throws: a network failure is an answer with status 0, which is what a crash or outage test needs.
 */
export async function call<T = unknown>(baseUrl: string, method: string, path: string, options: { body?: unknown; token?: string; timeoutMs?: number } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const started = Date.now();
  try {
    const res = await fetch(baseUrl + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: kept as text for the assertion message.
    }
    return { status: res.status, body: body as T, ms: Date.now() - started };
  } catch (error) {
    return { status: 0, body: null as T, ms: Date.now() - started, error: (error as Error).name + ': ' + (error as Error).message };
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight; answers in input order. */
export async function inPool<I, O>(items: readonly I[], concurrency: number, work: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

/** A small seeded generator (mulberry32), so a failing run can be replayed from the seed it printed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined, or throws after `ms`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, ms: number, what: string, every = 200): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(every);
  }
}
