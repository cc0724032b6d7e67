import { DomainError, ERROR_CODES } from '@agora/shared';
import { toErrorBody } from './all-exceptions.filter';

const driverError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('toErrorBody', () => {
  it('maps domain errors to their status', () => {
    expect(toErrorBody(new DomainError(ERROR_CODES.LOCKED, 'locked'))).toMatchObject({ statusCode: 423, code: 'LOCKED', message: 'locked' });
  });

  it.each([
    ['MongoServerSelectionError', 'Server selection timed out after 5000 ms'],
    ['MongoNetworkError', 'connect ECONNREFUSED 127.0.0.1:1'],
    ['MongoNetworkTimeoutError', 'timed out'],
    ['PoolClearedOnNetworkError', 'Connection to 127.0.0.1:1 interrupted due to server monitor timeout'],
    ['MongoPoolClearedError', 'Connection pool for 127.0.0.1:1 was cleared'],
    ['MongoServerError', 'database is locked (5) (SQLITE_BUSY)'],
    ['MongoTopologyClosedError', 'Topology is closed'],
    ['MongoError', 'connection 3 to 127.0.0.1:1 closed'],
    ['MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 2).'],
  ])('answers 503 for %s', (name, message) => {
    expect(toErrorBody(driverError(name, message))).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
  });

  // The mongodb driver awaits 'drain' on a pooled socket after writing a command; when the server has
  // already closed that connection (FerretDB killed), the raw Node socket error is what the query rejects
  // with, not a MongoNetworkError. Seen in tests/reliability/database-outage.spec.ts as a 500 on GET /api/articles.
  it.each([
    ['the socket ended by the server before the write', Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' })],
    ['a write to a closed socket', Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' })],
    ['a connection reset by the server', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' })],
  ])('answers 503 for a raw Node socket error: %s', (_, error) => {
    expect(toErrorBody(error)).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
  });

  it.each([
    ['a Node error with another code', Object.assign(new Error("The argument 'id' is invalid"), { code: 'ERR_INVALID_ARG_VALUE' })],
    ['a file-system error', Object.assign(new Error("ENOENT: no such file or directory, open 'x'"), { code: 'ENOENT', errno: -2, syscall: 'open' })],
    ['a server error the database did answer with', Object.assign(driverError('MongoServerError', 'E11000 duplicate key error collection: agora.users index: username_1'), { code: 11000 })],
  ])('still answers 500 for %s', (_, error) => {
    expect(toErrorBody(error)).toMatchObject({ statusCode: 500 });
  });

  it('keeps the 400 body-parser gives a client that hung up mid-body (code ECONNRESET)', () => {
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET', status: 400, statusCode: 400, expose: true });
    expect(toErrorBody(aborted)).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
  });

  it('answers 500 for anything unexpected, without details', () => {
    expect(toErrorBody(new TypeError('x is undefined'))).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL', message: 'Internal server error' });
  });
});
