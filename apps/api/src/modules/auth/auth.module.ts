import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { Session, SessionSchema } from './session.model';
import { SessionsRepository } from './sessions.repository';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    UsersModule,
    MongooseModule.forFeature([{ name: Session.name, schema: SessionSchema }]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object made once: given the secret as a string, jsonwebtoken tries it as a public key on
        // every verify and catches the failure, which cost about 8% of the API's CPU per request.
        ...(config.JWT_SECRET ? { secret: createSecretKey(Buffer.from(config.JWT_SECRET)) } : {}),
        signOptions: { expiresIn: config.JWT_TTL as never, algorithm: config.JWT_SECRET ? 'HS256' : 'ES256' },
        verifyOptions: { algorithms: [config.JWT_SECRET ? 'HS256' : 'ES256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService, SessionsRepository],
  exports: [TokenService, UsersModule],
})
export class AuthModule {}
