import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ERROR_CODES } from '@agora/shared';
import { AUTHENTICATED } from '../decorators/authenticated.decorator';
import { OWN_BEARER } from '../decorators/own-bearer.decorator';
import type { AuthedRequest } from '../decorators/current-user.decorator';
import { TokenService } from '../../modules/auth/token.service';

/**
 * Reads an optional bearer token on every request and attaches the user, loaded fresh so that a role
 * change, suspension or ban takes effect at once. Routes marked @Authenticated() refuse anonymous callers.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(OWN_BEARER, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest & { headers: Record<string, string | undefined> }>();
    const header = req.headers.authorization;
    req.user = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Authorization must be "Bearer <token>".');
      req.user = await this.tokens.userForToken(match[1]);
      if (!req.user) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'The token is invalid or expired; sign in again.');
    }
    const needed = this.reflector.getAllAndOverride<boolean>(AUTHENTICATED, [context.getHandler(), context.getClass()]);
    if (needed && !req.user) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Sign in to do this.');
    return true;
  }
}
