import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ERROR_CODES } from '@agora/shared';
import { of } from 'rxjs';
import { DatabaseOptional } from '../../common/decorators/database-optional.decorator';
import { DatabaseGateInterceptor } from './database-gate.interceptor';
import type { DatabaseStatus } from './database-status';

class Routes {
  needsDatabase(): void {}
  @DatabaseOptional()
  health(): void {}
}

const context = (handler: () => void, type = 'http') => ({ getType: () => type, getHandler: () => handler, getClass: () => Routes }) as unknown as ExecutionContext;
const next: CallHandler = { handle: () => of('handled') };
const gate = (reachable: boolean) => new DatabaseGateInterceptor({ reachable } as DatabaseStatus, new Reflector());

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
});
