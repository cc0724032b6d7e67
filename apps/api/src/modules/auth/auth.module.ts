import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { forgetStoredJwtSecret } from './shared-secret';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG, getConnectionToken()],
      useFactory: async (config: AppConfig, connection: Connection) => {
        await forgetStoredJwtSecret(connection);
        return {
        // A key object made once: given the secret as a string, jsonwebtoken tries it as a public key on
        // every verify and catches the failure, which cost about 8% of the API's CPU per request.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { expiresIn: config.JWT_TTL as never, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService],
  exports: [TokenService, UsersModule],
})
export class AuthModule {}
