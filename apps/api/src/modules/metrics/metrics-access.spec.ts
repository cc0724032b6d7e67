import { isLoopback, mayReadMetrics } from './metrics-access';

const TOKEN = 'a-metrics-token-of-some-length';

describe('isLoopback', () => {
  it('knows IPv4, IPv6 and mapped loopback addresses', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
  });

  it('refuses other addresses and none', () => {
    expect(['10.0.0.1', '::ffff:10.0.0.1', '2001:db8::1', '128.0.0.1', undefined].map(isLoopback)).toEqual([false, false, false, false, false]);
  });
});

describe('mayReadMetrics', () => {
  it('serves loopback without a token', () => {
    expect(mayReadMetrics('127.0.0.1', undefined, undefined)).toBe(true);
  });

  it('serves another address only with the configured bearer token', () => {
    expect(mayReadMetrics('10.1.2.3', `Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(mayReadMetrics('10.1.2.3', `Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(mayReadMetrics('10.1.2.3', TOKEN, TOKEN)).toBe(false);
    expect(mayReadMetrics('10.1.2.3', undefined, TOKEN)).toBe(false);
  });

  it('serves no other address when no token is configured, whatever is sent', () => {
    expect(mayReadMetrics('10.1.2.3', 'Bearer anything', undefined)).toBe(false);
  });
});
