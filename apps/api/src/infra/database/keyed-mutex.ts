/**
 * Runs tasks that share a key one after another, tasks with different keys freely. FerretDB's SQLite
 * backend updates a document by reading it whole and writing it back whole, outside a transaction,
 * so two concurrent updates of different fields of one document can undo each other; serialising
 * this process's updates of a document prevents that among its own requests.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
