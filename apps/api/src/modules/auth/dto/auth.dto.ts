import { credentialsSchema, loginSchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class RegisterDto extends createZodDto(credentialsSchema) {}
export class LoginDto extends createZodDto(loginSchema) {}
