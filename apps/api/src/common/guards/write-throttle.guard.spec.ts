import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { MemoryThrottlerStorage } from '../../infra/memory-throttler-storage';
import { WriteThrottleGuard } from './write-throttle.guard';

/** The in-memory store, holding every count until released: shows which counts were issued together. */
class HeldStorage extends MemoryThrottlerStorage {
  readonly issued: string[] = [];
  release!: () => void;
  private readonly held = new Promise<void>((resolve) => (this.release = resolve));

  override async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    this.issued.push(throttlerName);
    await this.held;
    return super.increment(key, ttl, limit, blockDuration, throttlerName);
  }
}

const request = { ip: '203.0.113.7', user: { id: 'u1' }, headers: {} };
const context = {
  getHandler: () => function vote() {},
  getClass: () => class VotesController {},
  getType: () => 'http',
  switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ header: () => undefined, setHeader: () => undefined }) }),
} as unknown as ExecutionContext;

async function guardWith(storage: MemoryThrottlerStorage, userLimit: number): Promise<WriteThrottleGuard> {
  const options: ThrottlerModuleOptions = {
    throttlers: [
      { name: 'user', ttl: 60_000, limit: () => userLimit, getTracker: () => 'vote:u:u1' },
      { name: 'ip', ttl: () => 60_000, limit: 100, getTracker: () => 'vote:ip:203.0.113.7' },
    ],
  };
  const guard = new WriteThrottleGuard(options, storage, new Reflector());
  await guard.onModuleInit();
  return guard;
}

describe('WriteThrottleGuard', () => {
  it('issues the count of every limit before any has answered (one round trip with Redis)', async () => {
    const storage = new HeldStorage();
    const guard = await guardWith(storage, 10);
    const passing = guard.canActivate(context);
    await new Promise((resolve) => setImmediate(resolve));
    expect(storage.issued.sort()).toEqual(['ip', 'user']);
    storage.release();
    await expect(passing).resolves.toBe(true);
  });

  it('refuses the write past any one limit with a 429', async () => {
    const guard = await guardWith(new MemoryThrottlerStorage(), 2);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    await expect(guard.canActivate(context)).rejects.toBeInstanceOf(ThrottlerException);
  });
});
