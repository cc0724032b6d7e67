import { describe, expect, it } from 'vitest';
import { endSessionHere, expiryOf, getToken, mayHaveSession, onTokenChange, setToken } from './token';

const jwt = (payload: object) => `eyJhbGciOiJFUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

describe('the access token in memory', () => {
  it('reads when a token runs out from its payload, and nothing from a malformed one', () => {
    expect(expiryOf(jwt({ sub: 'u', exp: 2_000_000_000 }))).toBe(2_000_000_000_000);
    expect(expiryOf(jwt({ sub: 'u' }))).toBeNull();
    expect(expiryOf('not a token')).toBeNull();
  });

  it('keeps the token in memory only and tells listeners', () => {
    const seen: (string | null)[] = [];
    const stop = onTokenChange((t) => seen.push(t));
    const token = jwt({ sub: 'u', exp: Math.floor(Date.now() / 1000) + 900 });
    setToken(token);
    expect(getToken()).toBe(token);
    // What storage holds is a hint that a session may exist, never the token.
    const stored = Array.from({ length: localStorage.length }, (_, i) => localStorage.getItem(localStorage.key(i)!) ?? '');
    expect(stored.some((value) => value.includes(token))).toBe(false);
    expect(mayHaveSession()).toBe(true);
    setToken(null);
    stop();
    expect(seen).toEqual([token, null]);
  });

  it('opens without asking once this device signed out, and asks again once it has a token', () => {
    endSessionHere();
    expect(getToken()).toBeNull();
    expect(mayHaveSession()).toBe(false);
    setToken(jwt({ sub: 'u', exp: Math.floor(Date.now() / 1000) + 900 }));
    expect(mayHaveSession()).toBe(true);
    setToken(null);
  });
});
