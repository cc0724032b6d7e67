import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ERROR_CODES } from '@agora/shared';
import { firstValueFrom, NEVER, of, Subject } from 'rxjs';
import { DatabaseOptional } from '../../common/decorators/database-optional.decorator';
import { DatabaseGateInterceptor } from './database-gate.interceptor';
import type { DatabaseStatus } from './database-status';

class Routes {
  needsDatabase(): void {}
  @DatabaseOptional()
  health(): void {}
}

const context = (handler: () => void, type = 'http', method = 'GET') =>
  ({ getType: () => type, getHandler: () => handler, getClass: () => Routes, switchToHttp: () => ({ getRequest: () => ({ method }) }) }) as unknown as ExecutionContext;
const next: CallHandler = { handle: () => of('handled') };
const gate = (reachable: boolean, lost = new Subject<void>()) => new DatabaseGateInterceptor({ reachable, lost } as unknown as DatabaseStatus, new Reflector());

describe('DatabaseGateInterceptor', () => {
  it('lets every request through while the database is reachable', () => {
    expect(() => gate(true).intercept(context(Routes.prototype.needsDatabase), next)).not.toThrow();
  });

  it('refuses a request that needs the database with DATABASE_UNAVAILABLE while it is down', () => {
    const sut = gate(false);
    let refusal: unknown;
    try {
      sut.intercept(context(Routes.prototype.needsDatabase), next);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe(ERROR_CODES.DATABASE_UNAVAILABLE);
  });

  it('lets a route marked DatabaseOptional, and anything but HTTP, through while the database is down', () => {
    const sut = gate(false);
    expect(() => sut.intercept(context(Routes.prototype.health), next)).not.toThrow();
    expect(() => sut.intercept(context(Routes.prototype.needsDatabase, 'ws'), next)).not.toThrow();
  });

  it('answers a read under way with DATABASE_UNAVAILABLE the moment the database is lost, and leaves a write to its query', async () => {
    const lost = new Subject<void>();
    const sut = gate(true, lost);
    const waiting: CallHandler = { handle: () => NEVER };
    const read = firstValueFrom(sut.intercept(context(Routes.prototype.needsDatabase), waiting)).catch((error: unknown) => error);
    let writeSettled = false;
    void firstValueFrom(sut.intercept(context(Routes.prototype.needsDatabase, 'http', 'PUT'), waiting)).finally(() => (writeSettled = true));
    lost.next();
    const refusal = await read;
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe(ERROR_CODES.DATABASE_UNAVAILABLE);
    await new Promise((r) => setImmediate(r));
    expect(writeSettled).toBe(false);
  });

  it('gives a read its own answer when the database stays up', async () => {
    await expect(firstValueFrom(gate(true).intercept(context(Routes.prototype.needsDatabase), next))).resolves.toBe('handled');
  });
});
