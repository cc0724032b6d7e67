import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ERROR_CODES } from '@agora/shared';
import { map, race, type Observable } from 'rxjs';
import { DATABASE_OPTIONAL } from '../../common/decorators/database-optional.decorator';
import { DatabaseStatus } from './database-status';

const unavailable = () => new DomainError(ERROR_CODES.DATABASE_UNAVAILABLE, 'The database is unavailable; try again shortly.');

/**
 * Answers 503 at once while the database is known to be down, rather than letting each request wait for
 * the driver's server selection to give up. A read already under way when the database is lost is
 * answered 503 then too: it has nothing to finish, and a read of several queries would otherwise wait
 * out server selection once for each. A write under way is left to end as its query does, so that its
 * answer says what happened. It runs after the guards, so a caller who is refused for what they sent
 * (no token on a route that needs one) still hears why.
 */
@Injectable()
export class DatabaseGateInterceptor implements NestInterceptor {
  constructor(
    private readonly database: DatabaseStatus,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || this.reflector.getAllAndOverride<boolean>(DATABASE_OPTIONAL, [context.getHandler(), context.getClass()])) return next.handle();
    if (!this.database.reachable) throw unavailable();
    if (context.switchToHttp().getRequest<{ method: string }>().method !== 'GET') return next.handle();
    return race(
      next.handle(),
      this.database.lost.pipe(
        map(() => {
          throw unavailable();
        }),
      ),
    );
  }
}
