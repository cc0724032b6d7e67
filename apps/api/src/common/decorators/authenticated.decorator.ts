import { SetMetadata } from '@nestjs/common';

export const AUTHENTICATED = 'agora:authenticated';

/** The route needs a signed-in user; anonymous callers get 401. */
export const Authenticated = (): MethodDecorator & ClassDecorator => SetMetadata(AUTHENTICATED, true);
