import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@agora/shared';
import type { FactsMark } from '../../infra/cache/moderated-facts';

/** The signed-in user, with the facts permissions need. */
export interface RequestUser extends Actor {
  username: string;
  /** When the account was made: new accounts write less (see trustLevel). */
  createdAt?: Date;
  /** Where this request began among the epoch reads of moderated facts: one read serves all its facts (see ModeratedFacts.mark). */
  factsSince?: FactsMark;
}

export interface AuthedRequest {
  user?: RequestUser | null;
  ip?: string;
}

/** The caller, or null when anonymous (routes that need an account use @Authenticated()). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestUser | null => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().user ?? null;
});
