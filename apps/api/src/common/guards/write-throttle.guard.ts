import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerOptions } from '@nestjs/throttler';

type Resolvable = ThrottlerOptions['limit'];
const resolve = async (value: Resolvable, context: ExecutionContext): Promise<number> => (typeof value === 'function' ? value(context) : value);

/**
 * The library's guard, counting a write against every limit at once: it counts them one after the
 * other, which with Redis costs every write a round trip per limit (per user, per address); issued
 * together they leave in one. Limits come from ThrottleModule alone (no per-route overrides).
 */
@Injectable()
export class WriteThrottleGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const counted = this.throttlers.map(async (throttler) => {
      const [limit, ttl] = await Promise.all([resolve(throttler.limit, context), resolve(throttler.ttl, context)]);
      return this.handleRequest({
        context,
        limit,
        ttl,
        throttler,
        blockDuration: throttler.blockDuration === undefined ? ttl : await resolve(throttler.blockDuration, context),
        getTracker: throttler.getTracker ?? this.commonOptions.getTracker!,
        generateKey: throttler.generateKey ?? this.commonOptions.generateKey!,
      });
    });
    return (await Promise.all(counted)).every(Boolean);
  }
}
