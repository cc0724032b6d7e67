import { parseEnv } from './env.schema';

describe('parseEnv', () => {
  it('applies defaults', () => {
    const sut = parseEnv({});
    expect(sut).toMatchObject({ PORT: 3000, DATA_DIR: '.data', FLAG_THRESHOLD: 3, BANNED_WORDS: [] });
    expect(sut.MONGODB_URI).toBeUndefined();
  });

  it('treats empty variables as unset and splits lists', () => {
    const sut = parseEnv({ MONGODB_URI: '', REDIS_URL: '', BANNED_WORDS: 'spam, scam ,,' });
    expect(sut.MONGODB_URI).toBeUndefined();
    expect(sut.REDIS_URL).toBeUndefined();
    expect(sut.BANNED_WORDS).toEqual(['spam', 'scam']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ FLAG_THRESHOLD: '0' }, 'FLAG_THRESHOLD'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => parseEnv(env)).toThrow(new RegExp(`Invalid configuration: .*${name}`));
  });
});
