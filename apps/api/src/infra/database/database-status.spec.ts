import { EventEmitter } from 'node:events';
import type { Connection } from 'mongoose';
import { DatabaseStatus } from './database-status';

/** A connection whose driver client is an event emitter and whose ping does what the test says. */
function fakeConnection(ping: () => Promise<unknown>) {
  const client = new EventEmitter();
  const connection = { readyState: 1, getClient: () => client, db: { admin: () => ({ ping }) } } as unknown as Connection;
  const topology = (dataBearing: boolean) => client.emit('topologyDescriptionChanged', { newDescription: { hasDataBearingServers: dataBearing } });
  return { connection, client, topology };
}

describe('DatabaseStatus', () => {
  it('follows the driver: down when no server can answer, up when one can again', () => {
    const { connection, topology } = fakeConnection(() => Promise.resolve({ ok: 1 }));
    const sut = new DatabaseStatus(connection);
    expect(sut.reachable).toBe(true);
    topology(false);
    expect(sut.reachable).toBe(false);
    topology(true);
    expect(sut.reachable).toBe(true);
  });

  it('answers false at once while the database is known to be down, without pinging it', async () => {
    const ping = jest.fn(() => Promise.resolve({ ok: 1 }));
    const { connection, topology } = fakeConnection(ping);
    const sut = new DatabaseStatus(connection);
    topology(false);
    await expect(sut.answers(1000)).resolves.toBe(false);
    expect(ping).not.toHaveBeenCalled();
  });

  it('pings when the driver believes the database up: true when it answers, false when it fails or is late', async () => {
    await expect(new DatabaseStatus(fakeConnection(() => Promise.resolve({ ok: 1 })).connection).answers(1000)).resolves.toBe(true);
    await expect(new DatabaseStatus(fakeConnection(() => Promise.reject(new Error('connect ECONNREFUSED'))).connection).answers(1000)).resolves.toBe(false);
    const started = Date.now();
    await expect(new DatabaseStatus(fakeConnection(() => new Promise(() => undefined)).connection).answers(50)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('stops following the driver when the application closes', () => {
    const { connection, client } = fakeConnection(() => Promise.resolve({ ok: 1 }));
    const sut = new DatabaseStatus(connection);
    sut.onModuleDestroy();
    expect(client.listenerCount('topologyDescriptionChanged')).toBe(0);
  });
});
