import { Global, Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { AuthGuard } from './common/guards/auth.guard';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DatabaseStatusModule } from './infra/database/database-status.module';
import { projectRoot } from './infra/database/project-root';
import { AppLogger } from './infra/logging/app-logger';
import { pinoFormatOptions, resolveLogFormat } from './infra/logging/log-format';
import { ModeratedFactsModule } from './infra/cache/moderated-facts.module';
import { RedisModule } from './infra/redis.module';
import { ThrottleModule } from './infra/throttle.module';
import { ReadThrottleGuard } from './common/guards/read-throttle.guard';
import { ArticlesModule } from './modules/articles/articles.module';
import { RevisionsModule } from './modules/revisions/revisions.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { PerspectivesModule } from './modules/perspectives/perspectives.module';
import { ExchangeModule } from './modules/exchange/exchange.module';
import { ProfilesModule } from './modules/profiles/profiles.module';
import { SearchModule } from './modules/search/search.module';

@Global()
@Module({})
class ConfigHolderModule {
  static register(config: AppConfig): DynamicModule {
    return { module: ConfigHolderModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** Whether requests are logged at this level (pino-http logs a request's line at info). */
const logsRequests = (level: AppConfig['LOG_LEVEL']): boolean => level === 'info' || level === 'debug' || level === 'trace';

/** The web client's built files, served at / when they exist. */
export function webDist(): string {
  return join(projectRoot(), 'apps', 'web', 'dist');
}

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    const web = webDist();
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        ConfigHolderModule.register(config),
        LoggerModule.forRoot({
          // Request lines are logged at info. Below that level the request middleware is left out:
          // it binds each request's logger with an AsyncLocalStorage, which turns on promise hooks
          // for the whole process, and every promise then costs more (failures are still logged, by
          // AllExceptionsFilter, through the root logger).
          // Named wildcard: path-to-regexp 8 (Express 5) no longer takes a bare '*'.
          forRoutes: logsRequests(config.LOG_LEVEL) ? [{ path: '{*path}', method: RequestMethod.ALL }] : [],
          pinoHttp: {
            level: config.LOG_LEVEL,
            ...pinoFormatOptions(resolveLogFormat(config.LOG_FORMAT, process.stdout.isTTY === true)),
            customSuccessMessage: (req, res, responseTime) => `${req.method} ${req.url} ${res.statusCode} ${Math.round(responseTime)} ms`,
            autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/metrics' },
            redact: ['req.headers.authorization'],
          },
        }),
        // While the database is down every request is answered 503 within a second, never queued or left
        // hanging: commands are not buffered, an operation that finds no server gives up after
        // serverSelectionTimeoutMS, and the driver checks the server every heartbeatFrequencyMS (the least
        // its monitoring specification allows), so it knows of the database's death and return within
        // about half a second; DatabaseStatusModule then refuses requests at once while it is down, and
        // answers reads under way as soon as it is lost. A write under way waits out server selection (a
        // read inside it retried once): 300 ms leaves room within the second on a loaded machine, where 400
        // ms once answered a login in 1010 ms.
        MongooseModule.forRoot(config.mongoUri, {
          serverSelectionTimeoutMS: 300,
          heartbeatFrequencyMS: 500,
          bufferCommands: false,
          autoIndex: true,
        }),
        DatabaseStatusModule,
        RedisModule,
        MetricsModule,
        ModeratedFactsModule,
        ThrottleModule,
        AuthModule,
        HealthModule,
        ArticlesModule,
        RevisionsModule,
        ModerationModule,
        PerspectivesModule,
        ProfilesModule,
        ExchangeModule,
        SearchModule,
        ...(existsSync(web) ? [ServeStaticModule.forRoot({ rootPath: web, exclude: ['/api/{*path}', '/socket.io/{*path}'] })] : []),
      ],
      providers: [
        AppLogger,
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_GUARD, useClass: AuthGuard },
        // After AuthGuard: a request refused as unauthenticated is not counted as a read.
        { provide: APP_GUARD, useClass: ReadThrottleGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
