import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { readOrCreate } from '../infra/database/embedded-ferretdb';
import { projectRoot } from '../infra/database/project-root';
import { parseEnv, type Env } from './env.schema';

/** Resolved settings: the environment, validated, with derived paths and a JWT secret. */
export interface AppConfig extends Omit<Env, 'JWT_SECRET' | 'DATA_DIR' | 'SEED_DIR'> {
  JWT_SECRET: string;
  /** True when JWT_SECRET came from the environment rather than DATA_DIR. */
  JWT_SECRET_GIVEN: boolean;
  DATA_DIR: string;
  SEED_DIR: string;
  /** The MongoDB URI actually used (given, or the embedded server's). */
  mongoUri: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Validates the environment; the JWT secret is generated once and kept under DATA_DIR when not given. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Omit<AppConfig, 'mongoUri'> {
  const env = parseEnv(source);
  const root = projectRoot();
  const dataDir = isAbsolute(env.DATA_DIR) ? env.DATA_DIR : resolve(root, env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const secret = env.JWT_SECRET ?? readOrCreate(join(dataDir, 'jwt-secret'), () => randomBytes(48).toString('base64url'));
  return { ...env, DATA_DIR: dataDir, JWT_SECRET: secret, JWT_SECRET_GIVEN: !!env.JWT_SECRET, SEED_DIR: env.SEED_DIR ? resolve(root, env.SEED_DIR) : join(root, 'seeds') };
}
