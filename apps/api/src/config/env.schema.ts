import { z } from 'zod';
import { DEFAULT_TRUST_POLICY } from '@agora/shared';

const csv = z
  .string()
  .optional()
  .transform((s) => (s ?? '').split(',').map((w) => w.trim()).filter(Boolean));
/** An empty variable counts as unset, as shells and .env files tend to mean it. */
const unsetWhenEmpty = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const intFrom = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

/** Every setting Agora reads from the environment; the API refuses to start when one is invalid. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** A MongoDB (or FerretDB) URI; when unset an embedded FerretDB is started. */
  MONGODB_URI: unsetWhenEmpty(z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')),
  /** With it, socket.io rooms and rate limits are shared between instances through Redis. */
  REDIS_URL: unsetWhenEmpty(z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')),
  DATA_DIR: z.string().default('.data'),
  /** `npm run db`: the port its embedded database listens on; a free one when unset. */
  DB_PORT: unsetWhenEmpty(z.coerce.number().int().min(1).max(65535)),
  JWT_SECRET: unsetWhenEmpty(z.string().min(32, 'must be at least 32 characters')),
  /** Access tokens' lifetime: short, as a page keeps its token in memory and renews it with its session cookie. */
  JWT_TTL: z.string().default('15m'),
  /** How long a sign-in lasts without use: the httpOnly session cookie that renews access tokens (each renewal starts it over). */
  SESSION_TTL_DAYS: intFrom(30, 1),
  /** Wrong passwords in a row an account takes before each further one locks its sign-in (1 s, 2 s, 4 s...). */
  LOGIN_BACKOFF_AFTER: intFrom(5, 1),
  /** The longest such lock, in seconds. */
  LOGIN_BACKOFF_MAX_SECONDS: intFrom(900, 1),
  /**
   * Express's `trust proxy`: which proxies' X-Forwarded-For is believed for the client's address (rate
   * limits are per address). Unset: none, the socket's address counts. E.g. `loopback`, `1` (hops), a CIDR list.
   */
  TRUST_PROXY: unsetWhenEmpty(z.string()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** pretty (for a person) or json (for a log collector); when unset, pretty on a terminal, json otherwise. */
  LOG_FORMAT: unsetWhenEmpty(z.enum(['pretty', 'json'])),
  /** When set, GET /api/metrics is served to requests bearing it; without it, only to loopback. */
  METRICS_TOKEN: unsetWhenEmpty(z.string().min(16, 'must be at least 16 characters')),
  SEED_DIR: z.string().optional(),
  /** The weight of open flags (see flagWeight: a new account's first flag 0.5, a member's 1, a moderator's 2) that sends a post to review. */
  FLAG_THRESHOLD: intFrom(3, 1),
  /** Trust levels: an account younger than these days or with fewer approved posts is new (lower write limits, lighter flags). */
  TRUST_NEW_ACCOUNT_DAYS: intFrom(DEFAULT_TRUST_POLICY.newAccountDays),
  TRUST_NEW_ACCOUNT_POSTS: intFrom(DEFAULT_TRUST_POLICY.newAccountPosts),
  /** Older and with more approved posts than these, a member is trusted (heavier flags). */
  TRUST_TRUSTED_DAYS: intFrom(DEFAULT_TRUST_POLICY.trustedDays),
  TRUST_TRUSTED_POSTS: intFrom(DEFAULT_TRUST_POLICY.trustedPosts),
  BANNED_WORDS: csv,
  MAX_LINKS: intFrom(3),
  NEW_ACCOUNT_PREMODERATION: intFrom(0),
  /** The largest JSON body, in kB, on every route but the article import. */
  BODY_LIMIT_KB: intFrom(64, 1),
  /** The largest article import body, in kB. */
  IMPORT_BODY_LIMIT_KB: intFrom(2048, 1),
  /** How deeply a JSON body may nest arrays and objects. */
  JSON_MAX_DEPTH: intFrom(32, 2),
  /** An import may make at most this many paragraphs, and at most IMPORT_MAX_NODES argument nodes (sentences included). */
  IMPORT_MAX_PARAGRAPHS: intFrom(2000, 1),
  IMPORT_MAX_NODES: intFrom(20_000, 2),
  /** Reads (GET, the health check aside) allowed per IP per minute. */
  READ_RATE_LIMIT: intFrom(1200, 1),
  /** Writes allowed per user (or IP when anonymous) per minute. */
  WRITE_RATE_LIMIT: intFrom(60, 1),
  /** Live sockets one address may hold open on one instance, and one account. */
  LIVE_SOCKETS_PER_IP: intFrom(200, 1),
  LIVE_SOCKETS_PER_USER: intFrom(20, 1),
  /** Article joins one socket may make per minute. */
  LIVE_JOINS_PER_MINUTE: intFrom(120, 1),
  LIVE_EVENT_RETENTION: intFrom(1000, 10),
  LIVE_COALESCE_MS: intFrom(50),
  /** Events kept in memory per article for reconnecting readers' replays (at most LIVE_EVENT_RETENTION); 0: always the log. */
  LIVE_REPLAY_MEMORY: intFrom(300),
  /** How often each instance looks for votes whose totals a crash left unmoved (see VoteRepair). */
  REPAIR_SWEEP_MS: intFrom(20_000, 100),
  /** How long after a vote an article's opinion groups are recomputed, in the background (see PerspectivesJob). */
  PERSPECTIVES_INTERVAL_MS: intFrom(30_000, 10),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return result.data;
}
