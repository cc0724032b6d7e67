import type { AppConfig } from '../../config/app-config';
import { DataDirInUseError, startEmbeddedFerretDb } from './embedded-ferretdb';

export interface ReachedDatabase {
  uri: string;
  /** Stops the embedded database if this process started it; a running Agora's is left alone. */
  stop(): Promise<void>;
}

/**
 * The database a command-line tool works on: MONGODB_URI when set; else the embedded one under
 * DATA_DIR, reached where a running Agora serves it, or started for the occasion.
 */
export async function reachDatabase(env: Pick<AppConfig, 'MONGODB_URI' | 'DATA_DIR'>): Promise<ReachedDatabase> {
  if (env.MONGODB_URI) return { uri: env.MONGODB_URI, stop: async () => undefined };
  try {
    const embedded = await startEmbeddedFerretDb(env.DATA_DIR);
    return { uri: embedded.uri, stop: () => embedded.stop() };
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    return { uri: `mongodb://127.0.0.1:${error.port}/agora`, stop: async () => undefined };
  }
}
