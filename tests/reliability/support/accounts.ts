import type { AuthResponse } from '@agora/shared';
import { call, inPool } from './http-call';

/** A signed-in user of a reliability test. */
export interface Account {
  id: string;
  username: string;
  token: string;
}

let serial = 0;
const unique = (prefix: string): string => `${prefix}_${Date.now().toString(36)}${(serial++).toString(36)}`.slice(0, 32);

/** Registers one account over HTTP; the first account in a fresh database becomes admin. */
export async function registerAccount(baseUrl: string, prefix: string): Promise<Account> {
  const username = unique(prefix);
  const res = await call<AuthResponse>(baseUrl, 'POST', '/api/auth/register', { body: { username, password: 'correct horse battery' }, timeoutMs: 30_000 });
  if (res.status !== 201) throw new Error(`register ${username}: ${res.status} ${JSON.stringify(res.body)} ${res.error ?? ''}`);
  return { id: res.body.user.id, username, token: res.body.token };
}

/**
 * Registers `count` accounts, alternating between the given instances. Password hashing (argon2id)
 * is the slow part, so only a couple run at once on a small machine.
 */
export function registerAccounts(baseUrls: readonly string[], count: number, prefix: string, concurrency = 3): Promise<Account[]> {
  return inPool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    (i) => registerAccount(baseUrls[i % baseUrls.length], `${prefix}${i}`),
  );
}
