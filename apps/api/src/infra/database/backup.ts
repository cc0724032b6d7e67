import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import mongoose, { mongo } from 'mongoose';

const { EJSON } = mongo.BSON;
type Db = mongo.Db;
type Document = mongo.Document;

/** The first line of a backup: what it is. */
interface BackupHeader {
  format: 'agora-backup';
  version: 1;
  exportedAt: string;
}

/** The last line: what was written, so that a cut-off file is refused. */
interface BackupTrailer {
  end: true;
  /** Documents per collection. */
  collections: Record<string, number>;
}

export type BackupSummary = BackupHeader & BackupTrailer;

/** Every further line: one document of one collection, in canonical extended JSON (types kept: ObjectId, Date...). */
interface BackupLine {
  c: string;
  d: Document;
}

const BATCH = 500;

async function userCollections(db: Db): Promise<string[]> {
  const listed = await db.listCollections({}, { nameOnly: true }).toArray();
  return listed
    .map((c) => c.name)
    .filter((name) => !name.startsWith('system.'))
    .sort();
}

/**
 * Writes every collection of the database to `file`: gzip'd lines of extended JSON, a header first.
 * Indexes are not written: Agora creates them at start-up. Stop the API first for a consistent copy:
 * collections are read one after the other.
 */
export async function exportDatabase(db: Db, file: string): Promise<BackupSummary> {
  const names = await userCollections(db);
  const header: BackupHeader = { format: 'agora-backup', version: 1, exportedAt: new Date().toISOString() };
  const trailer: BackupTrailer = { end: true, collections: {} };
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify(header)}\n`;
    for (const name of names) {
      trailer.collections[name] = 0;
      // By _id, so that two exports of the same data are the same file but for the header.
      for await (const doc of db.collection(name).find({}).sort({ _id: 1 })) {
        trailer.collections[name] += 1;
        yield `${EJSON.stringify({ c: name, d: doc } satisfies BackupLine, { relaxed: false })}\n`;
      }
    }
    yield `${JSON.stringify(trailer)}\n`;
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return { ...header, ...trailer };
}

/** The database already holds documents: importing would mix two installations. */
export class DatabaseNotEmptyError extends Error {
  constructor(readonly collections: string[]) {
    super(`The target database is not empty (${collections.join(', ')}); import into an empty database.`);
  }
}

/** Restores a backup into an empty database; each collection's count is checked against the backup's last line. */
export async function importDatabase(db: Db, file: string): Promise<BackupSummary> {
  const occupied: string[] = [];
  for (const name of await userCollections(db)) if ((await db.collection(name).estimatedDocumentCount()) > 0) occupied.push(name);
  if (occupied.length) throw new DatabaseNotEmptyError(occupied);

  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity });
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  const batch = new Map<string, Document[]>();
  const written: Record<string, number> = {};
  const flush = async (name: string) => {
    const docs = batch.get(name);
    if (!docs?.length) return;
    batch.set(name, []);
    await db.collection(name).insertMany(docs, { ordered: true });
    written[name] = (written[name] ?? 0) + docs.length;
  };
  for await (const text of reader) {
    if (!text) continue;
    if (!header) {
      const parsed = JSON.parse(text) as Partial<BackupHeader>;
      if (parsed.format !== 'agora-backup' || parsed.version !== 1) throw new Error(`${file} is not an Agora backup (version 1).`);
      header = parsed as BackupHeader;
      continue;
    }
    if (trailer) throw new Error(`${file} goes on after its last line.`);
    if (text.startsWith('{"end":')) {
      trailer = JSON.parse(text) as BackupTrailer;
      continue;
    }
    const line = EJSON.parse(text, { relaxed: false }) as BackupLine;
    const docs = batch.get(line.c) ?? [];
    docs.push(line.d);
    batch.set(line.c, docs);
    if (docs.length >= BATCH) await flush(line.c);
  }
  for (const name of batch.keys()) await flush(name);
  if (!header) throw new Error(`${file} is empty.`);
  if (!trailer) throw new Error(`${file} is cut off (no last line): restore it into an emptied database from a complete file.`);
  // Empty collections are created too, so the restored database lists what the original did.
  for (const [name, count] of Object.entries(trailer.collections)) if (count === 0) await db.createCollection(name).catch(() => undefined);
  const short = Object.entries(trailer.collections).filter(([name, count]) => (written[name] ?? 0) !== count);
  if (short.length) throw new Error(`The backup does not add up: ${short.map(([name, count]) => `${name} ${written[name] ?? 0} of ${count}`).join(', ')}.`);
  return { ...header, ...trailer };
}


/** Runs `work` on the database at `uri`, then closes the connection. */
export async function withDatabase<T>(uri: string, work: (db: Db) => Promise<T>): Promise<T> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5000 }).asPromise();
  try {
    return await work(connection.db!);
  } finally {
    await connection.close();
  }
}
