import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { AuthResponse } from '@agora/shared';
import { loadEnv, type AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { SeedImporter } from '../../src/modules/articles/seed-importer';
import { UsersRepository } from '../../src/modules/users/users.repository';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  baseUrl: string;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** A URI naming a database of its own, so test files never see each other's data. */
export function freshDatabaseUri(): string {
  const base = process.env.AGORA_TEST_MONGO_BASE;
  if (!base) throw new Error('No test database: jest globalSetup did not run');
  const url = new URL(base);
  url.pathname = `/agora_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return url.toString();
}

/** The real application on a real port against a fresh database, with the seed article imported. */
export async function startTestApp(env: Record<string, string> = {}, options: { seed?: boolean; mongoUri?: string } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'agora-test-app-'));
  // Test accounts are seconds old: unless a test is about trust levels, they count as members, so N of their flags weigh N.
  const loaded = loadEnv({ LOG_LEVEL: process.env.AGORA_TEST_LOG_LEVEL ?? 'error', DATA_DIR: dataDir, WRITE_RATE_LIMIT: '100000', READ_RATE_LIMIT: '1000000', LIVE_SOCKETS_PER_IP: '100000', LIVE_SOCKETS_PER_USER: '100000', LIVE_JOINS_PER_MINUTE: '100000', LIVE_COALESCE_MS: '20', TRUST_NEW_ACCOUNT_DAYS: '0', TRUST_NEW_ACCOUNT_POSTS: '0', ...env });
  const config: AppConfig = { ...loaded, mongoUri: options.mongoUri ?? freshDatabaseUri() };
  const app = await createApp(config);
  if (options.seed !== false) {
    const seeds = app.get(SeedImporter);
    await seeds.importFiles(seeds.seedFiles());
  }
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { app, config, baseUrl, http: () => request(app.getHttpServer()), close: () => app.close() };
}

let counter = 0;
export const TEST_PASSWORD = 'correct horse battery';

/** Registers a user with a unique name, as a participant (registering never makes an admin). */
export async function registerUser(t: TestApp, prefix = 'user'): Promise<AuthResponse> {
  const username = `${prefix}_${Date.now().toString(36)}${counter++}`.slice(0, 32);
  const res = await t.http().post('/api/auth/register').send({ username, password: TEST_PASSWORD });
  if (res.status !== 201) throw new Error(`register ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AuthResponse;
}

/**
 * Registers a user and makes it admin through the code `npm run admin -- promote` runs, then signs it
 * in again (a promotion revokes the account's earlier tokens).
 */
export async function registerAdmin(t: TestApp, prefix = 'admin'): Promise<AuthResponse> {
  const { user } = await registerUser(t, prefix);
  const outcome = await t.app.get(UsersRepository).promoteToAdmin(user.username);
  if (outcome !== 'promoted') throw new Error(`promote ${user.username}: ${outcome}`);
  const res = await t.http().post('/api/auth/login').send({ username: user.username, password: TEST_PASSWORD });
  if (res.status !== 200 || res.body.user.role !== 'admin') throw new Error(`admin ${user.username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AuthResponse;
}

export const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
