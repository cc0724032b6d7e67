import mongoose from 'mongoose';

type Counter = { _id: string; n?: number; seq?: number };

const CONNECTIONS = 20;
const WRITES = 400;

/**
 * What Agora relies on from its database, as MongoDB gives it: each single-document update,
 * findAndModify and upsert is atomic, however many connections write the same document at once.
 * Stock FerretDB 1.x loses most of these writes; our build serializes its write commands
 * (apps/api/ferretdb/patches/0002-serialize-write-commands.patch).
 */
describe('single-document atomicity', () => {
  const clients: mongoose.mongo.MongoClient[] = [];
  /** Write i goes through connection i mod CONNECTIONS: each client has a pool of one. */
  const through = (i: number) => clients[i % CONNECTIONS].db('atomic_writes').collection<Counter>('counters');

  beforeAll(async () => {
    const uri = process.env.AGORA_TEST_MONGO_BASE!;
    for (let i = 0; i < CONNECTIONS; i++) clients.push(await new mongoose.mongo.MongoClient(uri, { maxPoolSize: 1 }).connect());
    await through(0).deleteMany({});
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });

  it(`applies ${WRITES} concurrent $inc of one document from ${CONNECTIONS} connections`, async () => {
    await through(0).insertOne({ _id: 'inc', n: 0 });

    const results = await Promise.all(Array.from({ length: WRITES }, (_, i) => through(i).updateOne({ _id: 'inc' }, { $inc: { n: 1 } })));

    expect(results.every((r) => r.modifiedCount === 1)).toBe(true);
    expect(await through(0).findOne({ _id: 'inc' })).toEqual({ _id: 'inc', n: WRITES });
  });

  it('hands out each sequence number once through findOneAndUpdate with upsert', async () => {
    const seqs = await Promise.all(
      Array.from({ length: WRITES }, (_, i) =>
        through(i).findOneAndUpdate({ _id: 'seq' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).then((doc) => doc?.seq),
      ),
    );

    expect([...seqs].sort((a, b) => a! - b!)).toEqual(Array.from({ length: WRITES }, (_, i) => i + 1));
    expect(await through(0).findOne({ _id: 'seq' })).toEqual({ _id: 'seq', seq: WRITES });
  });

  it('creates one document from 50 concurrent upserts of a new _id, each applied', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => through(i).updateOne({ _id: 'new' }, { $inc: { n: 1 } }, { upsert: true })));

    expect(results.filter((r) => r.upsertedCount === 1)).toHaveLength(1);
    expect(await through(0).find({ _id: 'new' }).toArray()).toEqual([{ _id: 'new', n: 50 }]);
  });
});
