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

  it('answers 500 for anything unexpected, without details', () => {
    expect(toErrorBody(new TypeError('x is undefined'))).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'VALIDATION', message: 'Internal server error' });
  });
});
