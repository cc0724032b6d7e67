import type { NodeRecord } from './node.model';

/**
 * The nodes this process last read or wrote while holding their write lock, as they are stored, so
 * that the next holder need not read them again. Only correct while this process is the only writer
 * and every write of a node goes through its lock (a single instance, without Redis): the repository
 * updates an entry with each figures write it makes and forgets it around every other write.
 *
 * Why: every vote and reply reads its node and each ancestor before settling it, and the ancestors
 * (paragraph claims, the article's root) are the same few documents for every write on the article.
 *
 * Entries are frozen, so that no holder can change what the next one will be given; all but their
 * children maps, which the lock holder changes in place (see setChild). The least recently used entry
 * goes first when `capacity` is reached.
 */
export class NodeSnapshots {
  private readonly entries = new Map<string, Readonly<NodeRecord>>();

  constructor(private readonly capacity: number) {}

  get(id: string): NodeRecord | undefined {
    const node = this.entries.get(id);
    if (node) {
      this.entries.delete(id);
      this.entries.set(id, node);
    }
    return node;
  }

  set(id: string, node: NodeRecord): void {
    this.entries.delete(id);
    this.entries.set(id, freeze(node));
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Freezes the node and the plain objects and arrays it holds (figures), leaving ids, dates and its
 * children map (a Map, not a plain object) alone.
 */
function freeze(node: NodeRecord): NodeRecord {
  freezePlain(node);
  return node;
}

const isPlain = (value: unknown): value is object => !!value && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

function freezePlain(value: object): void {
  for (const inner of Object.values(value)) if (isPlain(inner) && !Object.isFrozen(inner)) freezePlain(inner);
  Object.freeze(value);
}
