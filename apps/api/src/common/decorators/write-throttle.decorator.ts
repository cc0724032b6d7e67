import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { WriteThrottleGuard } from '../guards/write-throttle.guard';

export const WRITE_KIND = 'agora:write-kind';
/** Votes come faster than posts from an honest reader, so they get a larger allowance. */
export type WriteKind = 'post' | 'vote' | 'auth' | 'register';

/** Rate-limits a write route per user (or per IP when anonymous) and per IP; 429 with Retry-After. */
export const WriteThrottle = (kind: WriteKind = 'post'): MethodDecorator =>
  applyDecorators(SetMetadata(WRITE_KIND, kind), UseGuards(WriteThrottleGuard));
