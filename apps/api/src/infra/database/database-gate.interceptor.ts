import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ERROR_CODES } from '@agora/shared';
import type { Observable } from 'rxjs';
import { DATABASE_OPTIONAL } from '../../common/decorators/database-optional.decorator';
import { DatabaseStatus } from './database-status';

/**
 * Answers 503 at once while the database is known to be down, rather than letting each request wait for
 * the driver's server selection to give up. It runs after the guards, so a caller who is refused for
 * what they sent (no token on a route that needs one) still hears why.
 */
@Injectable()
export class DatabaseGateInterceptor implements NestInterceptor {
  constructor(
    private readonly database: DatabaseStatus,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && !this.database.reachable && !this.reflector.getAllAndOverride<boolean>(DATABASE_OPTIONAL, [context.getHandler(), context.getClass()])) {
      throw new DomainError(ERROR_CODES.DATABASE_UNAVAILABLE, 'The database is unavailable; try again shortly.');
    }
    return next.handle();
  }
}
