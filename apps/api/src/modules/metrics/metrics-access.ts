import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1, and IPv4 loopback as IPv6 sees it (::ffff:127.x.y.z). */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return ip === '::1';
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Whether a scrape may read the metrics: from loopback (a Prometheus or an operator on this machine),
 * or bearing METRICS_TOKEN when one is configured. `ip` is the client's address as Express works it out
 * (trust proxy: loopback), so a request relayed by a local reverse proxy counts as its original client.
 */
export function mayReadMetrics(ip: string | undefined, authorization: string | undefined, token: string | undefined): boolean {
  if (isLoopback(ip)) return true;
  if (!token || !authorization) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  // Compared by digest so that neither the token's length nor its bytes leak through timing.
  return !!match && timingSafeEqual(digest(match[1]), digest(token));
}
