import { SetMetadata } from '@nestjs/common';

export const DATABASE_OPTIONAL = 'agora:database-optional';

/** The route answers while the database is down (health reports on it), so it is not refused with 503. */
export const DatabaseOptional = (): MethodDecorator & ClassDecorator => SetMetadata(DATABASE_OPTIONAL, true);
