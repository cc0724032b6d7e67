import { SetMetadata } from '@nestjs/common';

export const OWN_BEARER = 'agora:own-bearer';

/** The route reads its Authorization header itself (a token that is not a user's), so AuthGuard leaves it alone. */
export const OwnBearer = (): MethodDecorator & ClassDecorator => SetMetadata(OWN_BEARER, true);
