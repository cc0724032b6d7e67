import mongoose from 'mongoose';
import { emptyVotes, type VoteTotals } from '@agora/shared';

type MongoClient = InstanceType<typeof mongoose.mongo.MongoClient>;
export type Db = ReturnType<MongoClient['db']>;
type ObjectId = InstanceType<typeof mongoose.mongo.ObjectId>;

/** The database as the raw driver sees it: what the API stored, not what the API says it stored. */
export interface DirectDb {
  db: Db;
  close(): Promise<void>;
}

export async function openDirect(uri: string): Promise<DirectDb> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  return { db: client.db(), close: () => client.close() };
}

export const objectId = (id: string): ObjectId => new mongoose.mongo.ObjectId(id);

export interface StoredVote {
  nodeId: string;
  userId: string;
  value: number;
}

export async function storedVotes(db: Db, filter: Record<string, unknown> = {}): Promise<StoredVote[]> {
  // A withdrawn vote stays as a document without a value (see VoteDoc.pending).
  const docs = await db.collection('votes').find({ ...filter, value: { $ne: null } }, { projection: { nodeId: 1, userId: 1, value: 1 } }).toArray();
  return docs.map((d) => ({ nodeId: String(d.nodeId), userId: String(d.userId), value: d.value as number }));
}

/** Totals as the votes themselves say, per node id. */
export function tallyByNode(votes: readonly StoredVote[]): Map<string, VoteTotals> {
  const out = new Map<string, VoteTotals>();
  for (const v of votes) {
    const t = out.get(v.nodeId) ?? emptyVotes();
    t.count++;
    t.sum += v.value;
    t.histogram[String(v.value) as keyof VoteTotals['histogram']]++;
    out.set(v.nodeId, t);
  }
  return out;
}

/** (nodeId, userId) pairs stored more than once: what the unique index must make impossible. */
export function duplicatePairs(votes: readonly StoredVote[]): string[] {
  const seen = new Map<string, number>();
  for (const v of votes) seen.set(`${v.nodeId}/${v.userId}`, (seen.get(`${v.nodeId}/${v.userId}`) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

/** Every collection's document count: a cheap fingerprint of "nothing was written". */
export async function collectionCounts(db: Db): Promise<Record<string, number>> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const out: Record<string, number> = {};
  for (const name of names) out[name] = await db.collection(name).countDocuments();
  return out;
}
