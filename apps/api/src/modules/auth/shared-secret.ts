import type { Connection } from 'mongoose';

const SETTINGS = 'settings';
const KEY = 'jwt-secret';

/**
 * The JWT signing secret every instance on this database uses. Without JWT_SECRET, each instance
 * offers the one generated under its DATA_DIR; the first to reach the database wins (the _id is
 * unique) and all others adopt it, so a token issued by one instance is honoured by all.
 */
export async function sharedJwtSecret(connection: Connection, offered: string): Promise<string> {
  const settings = connection.collection<{ _id: string; value: string }>(SETTINGS);
  try {
    await settings.insertOne({ _id: KEY, value: offered });
  } catch (error) {
    if ((error as { code?: number })?.code !== 11000) throw error;
  }
  const stored = await settings.findOne({ _id: KEY });
  return stored?.value ?? offered;
}
