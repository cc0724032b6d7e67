/**
 * The page's access token: kept in memory only, never in storage a script could read it back from.
 * It lives JWT_TTL (15 minutes by default) and is renewed before it runs out, and when the page opens,
 * from the httpOnly session cookie that signing in set (POST /api/auth/refresh).
 */
import { retryAfterSeconds } from './errors';

type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

/** Where versions before the session cookie kept the token; read once, so those readers stay signed in until it runs out. */
const LEGACY_KEY = 'agora.token';
/** Renewed this long before the token runs out. */
const RENEW_AHEAD_MS = 60_000;
/**
 * Whether this browser may hold a session: '0' once a renewal was refused for want of one, or the reader
 * signed out; '1' once it had a token. Only a hint (the cookie is out of a script's reach): a reader
 * who never signed in asks once, not on every page they open.
 */
const SESSION_HINT_KEY = 'agora.session';
/** No renewal is asked sooner than this (a token about to run out, a Retry-After of 0). */
const RENEW_MIN_MS = 5_000;
/** A renewal refused for the moment (429, 5xx) is tried again after its Retry-After, at most this late. */
const RETRY_MAX_MS = 60_000;

let current: string | null = adoptLegacyToken();
let renewal: ReturnType<typeof setTimeout> | null = null;
let renewing: Promise<string | null> | null = null;

function adoptLegacyToken(): string | null {
  try {
    const token = localStorage.getItem(LEGACY_KEY);
    localStorage.removeItem(LEGACY_KEY);
    return token;
  } catch {
    return null;
  }
}

function setHint(value: '0' | '1'): void {
  try {
    localStorage.setItem(SESSION_HINT_KEY, value);
  } catch {
    // Storage refused (private mode): the page then asks on every open, as before the hint.
  }
}

/** False when this browser is known to hold no session: the page then opens anonymous without asking. */
export function mayHaveSession(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) !== '0';
  } catch {
    return true;
  }
}

export function getToken(): string | null {
  return current;
}

export function setToken(token: string | null): void {
  current = token;
  if (token) setHint('1');
  scheduleRenewal(token);
  for (const l of listeners) l(token);
}

/** Signed out on this device: the token goes, and later pages open without asking for one. */
export function endSessionHere(): void {
  setHint('0');
  setToken(null);
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** When a JWT runs out (ms since the epoch), read from its payload; null when it cannot be read. */
export function expiryOf(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** The next renewal in `ms`, no sooner than RENEW_MIN_MS; null: none. */
function renewIn(ms: number | null): void {
  if (renewal) clearTimeout(renewal);
  renewal = ms === null ? null : setTimeout(() => void renewToken(), Math.max(RENEW_MIN_MS, ms));
}

function scheduleRenewal(token: string | null): void {
  const expiry = token ? expiryOf(token) : null;
  renewIn(expiry === null ? null : expiry - Date.now() - RENEW_AHEAD_MS);
}

/**
 * A new access token from the session cookie, shared by everyone asking at once (the cookie renews
 * once); null, and signed out, when there is no session any more (401). Refused for the moment (too
 * many renewals from this address, the server unwell), the token in hand is kept and it asks again.
 */
export function renewToken(): Promise<string | null> {
  renewing ??= fetch('/api/auth/refresh', { method: 'POST', headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then(async (res) => {
      if (res.status === 401) {
        endSessionHere();
        return null;
      }
      if (!res.ok) {
        renewIn(Math.min(RETRY_MAX_MS, (retryAfterSeconds(res.headers.get('retry-after')) ?? 0) * 1000));
        return getToken();
      }
      const token = ((await res.json()) as { token?: unknown }).token;
      setToken(typeof token === 'string' ? token : null);
      return getToken();
    })
    // Offline: keep what we have; the next request or renewal tries again.
    .catch(() => getToken())
    .finally(() => {
      renewing = null;
    });
  return renewing;
}
