import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { ModeratedFacts } from './moderated-facts';

const connectRedis = () => new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });

/** A fact whose stored value the test changes, counting its loads. */
function storedFact(initial: string) {
  const fact = { value: initial as string | null, loads: 0, load: () => Promise.resolve(fact.value).finally(() => fact.loads++) };
  return fact;
}

/** `reader` loads a fact once and then serves it from its cache, until `changer` announces a change of it. */
async function expectChangeSeen(reader: ModeratedFacts, changer: ModeratedFacts) {
  const fact = storedFact('member');
  expect(await reader.get('user:1', fact.load)).toBe('member');
  expect(await reader.get('user:1', fact.load)).toBe('member');
  expect(fact.loads).toBe(1);
  await changer.changing(async () => {
    fact.value = 'suspended';
  });
  expect(await reader.get('user:1', fact.load)).toBe('suspended');
  expect(fact.loads).toBe(2);
}

describe('ModeratedFacts in this process (no Redis)', () => {
  it('loads a fact once, and again only after a change is announced', async () => {
    const sut = new ModeratedFacts(null, 'unused');
    await expectChangeSeen(sut, sut);
  });

  it('does not keep a value loaded while a change was being stored', async () => {
    const sut = new ModeratedFacts(null, 'unused');
    const fact = storedFact('open');
    let releaseLoad!: () => void;
    const slowLoad = () => new Promise<void>((r) => (releaseLoad = r)).then(fact.load);
    const reading = sut.get('article:1', slowLoad);
    await sut.changing(async () => {
      fact.value = 'locked';
    });
    releaseLoad();
    expect(await reading).toBe('locked');
    // Even had the read seen the old value, it was tagged with the old epoch: the next get loads again.
    expect(await sut.get('article:1', fact.load)).toBe('locked');
    expect(fact.loads).toBe(2);
  });

  it('announces a change whose write failed: it may have been stored all the same', async () => {
    const sut = new ModeratedFacts(null, 'unused');
    const fact = storedFact('open');
    await sut.get('k', fact.load);
    await expect(
      sut.changing(async () => {
        fact.value = 'locked';
        throw new Error('connection lost after the write');
      }),
    ).rejects.toThrow('connection lost');
    expect(await sut.get('k', fact.load)).toBe('locked');
  });

  it('keeps no null: what is missing now may exist later', async () => {
    const sut = new ModeratedFacts(null, 'unused');
    const fact = storedFact('x');
    fact.value = null;
    expect(await sut.get('k', fact.load)).toBeNull();
    fact.value = 'created';
    expect(await sut.get('k', fact.load)).toBe('created');
  });
});

describe('ModeratedFacts across instances (Redis)', () => {
  const key = `agora:test:facts:${randomBytes(6).toString('hex')}`;
  const redisA = connectRedis();
  const redisB = connectRedis();

  beforeAll(async () => {
    await Promise.all([redisA.ping(), redisB.ping()]);
  });

  afterAll(async () => {
    await redisA.del(key);
    await Promise.all([redisA.quit(), redisB.quit()]);
  });

  it('a change announced by one instance is seen by the next read on another', async () => {
    await expectChangeSeen(new ModeratedFacts(redisB, key), new ModeratedFacts(redisA, key));
  });

  it("one epoch read serves a request's later facts, but no read issued before the request began", async () => {
    const reader = new ModeratedFacts(redisB, key);
    const changer = new ModeratedFacts(redisA, key);
    const account = storedFact('member');
    const article = storedFact('open');
    expect(await reader.get('user:1', account.load)).toBe('member');
    await changer.changing(async () => {
      account.value = 'suspended';
    });
    const gets = jest.spyOn(redisB, 'get');
    const since = reader.mark();
    // The read before the change was issued before this request began: it serves it nothing.
    expect(await reader.get('user:1', account.load, since)).toBe('suspended');
    expect(gets).toHaveBeenCalledTimes(1);
    // A later step of the same request asks for another fact: the request's own read serves it.
    expect(await reader.get('article:1', article.load, since)).toBe('open');
    expect(gets).toHaveBeenCalledTimes(1);
    // A request begun after a change acknowledged meanwhile reads the epoch again, and sees it.
    await changer.changing(async () => {
      article.value = 'locked';
    });
    expect(await reader.get('article:1', article.load, since)).toBe('open');
    expect(await reader.get('article:1', article.load, reader.mark())).toBe('locked');
    expect(gets).toHaveBeenCalledTimes(2);
    gets.mockRestore();
  });

  it('reads from the database while Redis is not ready, rather than wait for it', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    const sut = new ModeratedFacts(down, key);
    const fact = storedFact('member');
    expect(await sut.get('user:1', fact.load)).toBe('member');
    expect(await sut.get('user:1', fact.load)).toBe('member');
    expect(fact.loads).toBe(2);
    down.disconnect();
  });
});
