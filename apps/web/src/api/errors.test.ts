import { describe, expect, it } from 'vitest';
import { ApiError, retryAfterSeconds } from './errors';

describe('rate-limit answers', () => {
  it('say when to try again, from Retry-After', () => {
    const body = { statusCode: 429, error: 'Too Many Requests', code: 'RATE_LIMITED' as const, message: 'Too many writes: slow down and try again shortly.' };
    expect(ApiError.fromBody(429, body, '42').message).toBe('Too many requests: try again in 42 seconds.');
    expect(ApiError.fromBody(429, body, '600').message).toBe('Too many requests: try again in 10 minutes.');
    expect(ApiError.fromBody(429, body, '600').details).toEqual({ retryAfterSeconds: 600 });
    expect(ApiError.fromBody(429, body, null).message).toBe(body.message);
  });

  it('read both forms of Retry-After', () => {
    const now = Date.parse('2026-12-06T02:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Sun, 06 Dec 2026 02:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('soon', now)).toBeNull();
  });
});
