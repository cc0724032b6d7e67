import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DatabaseGateInterceptor } from './database-gate.interceptor';
import { DatabaseStatus } from './database-status';

/** Follows whether the database is reachable, and refuses requests at once while it is not. */
@Module({
  providers: [DatabaseStatus, { provide: APP_INTERCEPTOR, useClass: DatabaseGateInterceptor }],
  exports: [DatabaseStatus],
})
export class DatabaseStatusModule {}
