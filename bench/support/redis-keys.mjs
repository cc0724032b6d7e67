// The Redis the scale scenario's API instances share may serve others too: the bench checks that it
// answers before starting, and afterwards removes only the keys of its own databases and articles.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

async function withRedis(url, work) {
  const Redis = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => null });
  try {
    await redis.connect();
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

/** Throws a clear error when nothing answers at `url`. */
export async function assertRedis(url) {
  try {
    await withRedis(url, (redis) => redis.ping());
  } catch (error) {
    throw new Error(`no Redis answers at ${url} (${error.message}); start one or set BENCH_REDIS_URL`);
  }
}

/** Deletes the API's keys (agora:…, and {agora:…} for rate limits) whose name contains one of `needles`; resolves to how many. */
export async function deleteApiKeys(url, needles) {
  return withRedis(url, async (redis) => {
    let deleted = 0;
    for await (const keys of redis.scanStream({ match: '*agora:*', count: 500 })) {
      const ours = keys.filter((key) => needles.some((needle) => key.includes(needle)));
      if (ours.length) deleted += await redis.del(...ours);
    }
    return deleted;
  });
}
