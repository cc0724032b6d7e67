import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { projectRoot } from '../infra/database/project-root';
import { parseEnv, type Env } from './env.schema';

/** Resolved settings: the environment, validated, with derived paths. */
export interface AppConfig extends Omit<Env, 'JWT_SECRET' | 'DATA_DIR' | 'SEED_DIR'> {
  /** Shared by every instance to sign HS256 tokens; null: each instance signs ES256 with its own key (TokenService). */
  JWT_SECRET: string | null;
  DATA_DIR: string;
  SEED_DIR: string;
  /** The MongoDB URI actually used (given, or the embedded server's). */
  mongoUri: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Validates the environment and resolves its paths. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Omit<AppConfig, 'mongoUri'> {
  const env = parseEnv(source);
  const root = projectRoot();
  const dataDir = isAbsolute(env.DATA_DIR) ? env.DATA_DIR : resolve(root, env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return { ...env, DATA_DIR: dataDir, JWT_SECRET: env.JWT_SECRET ?? null, SEED_DIR: env.SEED_DIR ? resolve(root, env.SEED_DIR) : join(root, 'seeds') };
}
