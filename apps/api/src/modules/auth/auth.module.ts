import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { sharedJwtSecret } from './shared-secret';
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
      useFactory: async (config: AppConfig, connection: Connection) => ({
        secret: config.JWT_SECRET_GIVEN ? config.JWT_SECRET : await sharedJwtSecret(connection, config.JWT_SECRET),
        signOptions: { expiresIn: config.JWT_TTL as never },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService],
  exports: [TokenService, UsersModule],
})
export class AuthModule {}
