import { ERROR_CODES } from '@agora/shared';
import { DocumentLock } from './document-lock';

/** What the mongodb driver throws when no server answers within its selection timeout. */
const unreachable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { name: 'MongoServerSelectionError' });

describe('DocumentLock', () => {
  it('fails at once the tasks that waited behind one the unreachable database failed, and lets later ones try', async () => {
    const sut = new DocumentLock(null, 'test');
    let failHolder!: () => void;
    const holder = sut.run('node', () => new Promise((_, reject) => (failHolder = () => reject(unreachable()))));
    const waiting = jest.fn(() => Promise.resolve('ran'));
    const waiter = sut.run('node', waiting);
    await new Promise((r) => setTimeout(r, 5));
    failHolder();
    await expect(holder).rejects.toThrow('ECONNREFUSED');
    await expect(waiter).rejects.toMatchObject({ code: ERROR_CODES.DATABASE_UNAVAILABLE });
    expect(waiting).not.toHaveBeenCalled();
    // A task that arrives after the failure asks the database itself (it may be back).
    expect(await sut.run('node', () => Promise.resolve('back'))).toBe('back');
  });

  it('does not pass on other failures, nor failures of another key', async () => {
    const sut = new DocumentLock(null, 'test');
    const failing = sut.run('a', () => Promise.reject(new Error('validation failed')));
    const next = sut.run('a', () => Promise.resolve('ran'));
    const other = sut.run('b', () => Promise.resolve('other ran'));
    await expect(failing).rejects.toThrow('validation failed');
    expect(await next).toBe('ran');
    expect(await other).toBe('other ran');
  });
});
