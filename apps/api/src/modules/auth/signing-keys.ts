import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { readOrCreate } from '../../infra/database/embedded-ferretdb';

/** This instance's token-signing key (ES256): the private half stays in its DATA_DIR, the public half is published. */
export interface InstanceKey {
  kid: string;
  privateKey: KeyObject;
  publicPem: string;
}

/**
 * Without JWT_SECRET, each instance signs with a key of its own, kept in DATA_DIR, and publishes only
 * its public half in the database (`signing_keys`), where every instance finds it to check the
 * tokens the others signed. Nothing in the database can sign a token: instances with their own
 * DATA_DIRs share one database and still accept each other's tokens.
 */
export function instanceKey(dataDir: string): InstanceKey {
  const pem = readOrCreate(join(dataDir, 'jwt-signing-key.pem'), () =>
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const privateKey = createPrivateKey(pem);
  const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { kid: createHash('sha256').update(publicPem).digest('hex').slice(0, 32), privateKey, publicPem };
}

interface PublishedKey {
  _id: string;
  publicKey: string;
  createdAt: Date;
}

/** The published public keys, by id. */
export class SigningKeys {
  private readonly known = new Map<string, KeyObject>();

  constructor(private readonly connection: Connection) {}

  async publish(key: InstanceKey): Promise<void> {
    await this.connection.collection<PublishedKey>('signing_keys').updateOne({ _id: key.kid }, { $setOnInsert: { publicKey: key.publicPem, createdAt: new Date() } }, { upsert: true });
    this.known.set(key.kid, createPublicKey(key.publicPem));
  }

  /** The public key `kid` names, from memory or the database; null when none is published under it. */
  async find(kid: string): Promise<KeyObject | null> {
    const held = this.known.get(kid);
    if (held) return held;
    if (!/^[0-9a-f]{32}$/.test(kid)) return null;
    const doc = await this.connection.collection<PublishedKey>('signing_keys').findOne({ _id: kid });
    if (!doc) return null;
    const key = createPublicKey(doc.publicKey);
    this.known.set(kid, key);
    return key;
  }
}
