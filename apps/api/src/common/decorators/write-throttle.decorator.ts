import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { WriteThrottleGuard } from '../guards/write-throttle.guard';

export const WRITE_KIND = 'agora:write-kind';
/**
 * Votes come faster than posts from an honest reader, so they get a larger allowance. `session` is a
 * session cookie's own use (renewals, signing out), counted per cookie and per address: every page a
 * signed-in reader opens renews one, and many readers may share an address (a classroom, a carrier's NAT).
 */
export type WriteKind = 'post' | 'vote' | 'auth' | 'register' | 'session';

/** Rate-limits a write route per user (or per IP when anonymous) and per IP; 429 with Retry-After. */
export const WriteThrottle = (kind: WriteKind = 'post'): MethodDecorator =>
  applyDecorators(SetMetadata(WRITE_KIND, kind), UseGuards(WriteThrottleGuard));
