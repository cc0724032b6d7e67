/**
 * The page's access token: kept in memory only, never in storage a script could read it back from.
 * It lives JWT_TTL (15 minutes by default) and is renewed before it runs out, and when the page opens,
 * from the httpOnly session cookie that signing in set (POST /api/auth/refresh).
 */
type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

/** Where versions before the session cookie kept the token; read once, so those readers stay signed in until it runs out. */
const LEGACY_KEY = 'agora.token';
/** Renewed this long before the token runs out. */
const RENEW_AHEAD_MS = 60_000;

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

export function getToken(): string | null {
  return current;
}

export function setToken(token: string | null): void {
  current = token;
  scheduleRenewal(token);
  for (const l of listeners) l(token);
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

function scheduleRenewal(token: string | null): void {
  if (renewal) clearTimeout(renewal);
  renewal = null;
  const expiry = token ? expiryOf(token) : null;
  if (expiry === null) return;
  renewal = setTimeout(() => void renewToken(), Math.max(5_000, expiry - Date.now() - RENEW_AHEAD_MS));
}

/**
 * A new access token from the session cookie, shared by everyone asking at once (the cookie renews
 * once); null, and signed out, when there is no session any more.
 */
export function renewToken(): Promise<string | null> {
  renewing ??= fetch('/api/auth/refresh', { method: 'POST', headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then(async (res) => {
      const token = res.ok ? ((await res.json()) as { token?: unknown }).token : null;
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
