import type { Connection } from 'mongoose';

/**
 * Earlier versions shared a generated JWT secret through the database, where anyone who reaches the
 * (unauthenticated, embedded) database could read it and sign an admin's token. The secret now lives
 * only in JWT_SECRET or DATA_DIR/jwt-secret; a copy left in the database is deleted at start.
 */
export async function forgetStoredJwtSecret(connection: Connection): Promise<void> {
  await connection.collection<{ _id: string }>('settings').deleteOne({ _id: 'jwt-secret' });
}
