import { Global, Inject, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { REDIS, type RedisClient } from '../redis.module';
import { ModeratedFacts } from './moderated-facts';

export const MODERATED_FACTS = Symbol('MODERATED_FACTS');
export const InjectModeratedFacts = (): ParameterDecorator => Inject(MODERATED_FACTS);

/** One ModeratedFacts per process, shared by the repositories that read and change those facts. */
@Global()
@Module({
  providers: [
    {
      provide: MODERATED_FACTS,
      inject: [REDIS, getConnectionToken()],
      useFactory: (redis: RedisClient, connection: Connection) => new ModeratedFacts(redis, `agora:epoch:${connection.name}:moderated-facts`),
    },
  ],
  exports: [MODERATED_FACTS],
})
export class ModeratedFactsModule {}
