import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, ERROR_CODES, type ErrorBody, type ErrorCode } from '@agora/shared';
import { ZodValidationException } from 'nestjs-zod';
import type { Response } from 'express';
import { reasonPhrase, statusForCode } from './error-status';

/** Transient database conditions: unreachable, or SQLite (under FerretDB) too busy to take the write in time. */
const DB_BUSY = /ECONNREFUSED|buffering timed out|connection .* closed|database is locked|SQLITE_BUSY|\bbusy\b/i;
/** Driver errors that mean the database (or, for ioredis, Redis) cannot be reached right now. */
const DB_DOWN = /^(Mongo|PoolCleared).*(Network|Selection|NotConnected|Topology|PoolCleared|Timeout|Interrupted)|^PoolClearedOnNetworkError$|^MaxRetriesPerRequestError$/;
const DB_LINK = /ECONNREFUSED|ECONNRESET|EPIPE|socket|connection (was )?(closed|reset)|pool.*cleared|Topology is closed/i;
/**
 * Node socket error codes for a peer that went away. The mongodb driver does not always wrap these: a command
 * written to a pooled connection the server has already closed rejects with Node's own
 * `Error: This socket has been ended by the other party` (code EPIPE), raised while the driver awaits 'drain'.
 * The API's only sockets inside a request are to the database and Redis, so these mean a store is unreachable.
 */
const SOCKET_GONE = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED']);

/** Whether the error means the database cannot be reached (or is too busy) right now: answered 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return toErrorBody(error).code === ERROR_CODES.DATABASE_UNAVAILABLE;
}

/** Turns every error into the one JSON error shape; unexpected ones are logged and answered 500. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    const statusCode = statusForCode(error.code);
    return { statusCode, error: reasonPhrase(statusCode), code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  if (error instanceof ZodValidationException) {
    const issues = (error.getZodError() as { issues?: { path: PropertyKey[]; message: string }[] })?.issues ?? [];
    const message = issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ') || 'Invalid input';
    return { statusCode: 400, error: 'Bad Request', code: ERROR_CODES.VALIDATION, message };
  }
  if (error instanceof ThrottlerException) {
    const message = error.message.startsWith('Too many') ? error.message : 'Too many writes: slow down and try again shortly.';
    return { statusCode: 429, error: reasonPhrase(429), code: ERROR_CODES.RATE_LIMITED, message };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const response = error.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? error.message);
    const code: ErrorCode = statusCode === 404 ? ERROR_CODES.NOT_FOUND : statusCode === 413 ? ERROR_CODES.PAYLOAD_TOO_LARGE : statusCode === 401 ? ERROR_CODES.UNAUTHENTICATED : statusCode === 403 ? ERROR_CODES.FORBIDDEN : statusCode >= 500 ? ERROR_CODES.INTERNAL : ERROR_CODES.VALIDATION;
    return { statusCode, error: reasonPhrase(statusCode), code, message };
  }
  const name = (error as { name?: string })?.name ?? '';
  const isDriverError = /^(Mongo|PoolCleared)/.test(name);
  // body-parser gives a client that hung up mid-body (Node's `aborted`, code ECONNRESET) status 400: not the database.
  const socketGone = error instanceof Error && SOCKET_GONE.has(String((error as { code?: unknown }).code)) && (error as { status?: unknown }).status === undefined;
  if (DB_DOWN.test(name) || DB_BUSY.test(String((error as Error)?.message)) || (isDriverError && DB_LINK.test(String((error as Error)?.message))) || socketGone) {
    return { statusCode: 503, error: reasonPhrase(503), code: ERROR_CODES.DATABASE_UNAVAILABLE, message: 'The database is unavailable; try again shortly.' };
  }
  // body-parser errors (malformed JSON, too large) carry their own status.
  const status = (error as { status?: number; statusCode?: number })?.status ?? (error as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { statusCode: status, error: reasonPhrase(status), code: status === 413 ? ERROR_CODES.PAYLOAD_TOO_LARGE : ERROR_CODES.VALIDATION, message: status === 413 ? 'Request body too large' : 'Malformed request body' };
  }
  return { statusCode: 500, error: reasonPhrase(500), code: ERROR_CODES.INTERNAL, message: 'Internal server error' };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(error);
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
    if (body.statusCode === 429 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(body.details?.retryAfter ?? 60));
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}
