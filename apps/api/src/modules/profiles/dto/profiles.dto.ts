import { usernameParamSchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class UsernameParamDto extends createZodDto(usernameParamSchema) {}
