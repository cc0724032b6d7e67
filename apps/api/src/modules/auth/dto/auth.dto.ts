import { credentialsSchema, loginSchema, passwordChangeSchema } from '@agora/shared';
import { createZodDto } from 'nestjs-zod';

export class RegisterDto extends createZodDto(credentialsSchema) {}
export class LoginDto extends createZodDto(loginSchema) {}
export class PasswordChangeDto extends createZodDto(passwordChangeSchema) {}
