/** SQLite under FerretDB gives up on a write after its busy timeout; such a write is safe to try again. */
const TRANSIENT = /database is locked|SQLITE_BUSY/i;

export async function retryTransient<T>(operation: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !TRANSIENT.test(String((error as Error)?.message))) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 50));
    }
  }
}
