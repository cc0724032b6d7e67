import type { NodeStatus, NodeVersion } from '../../contracts/rest/nodes.schema';
import { canReadText, canSeeNonPublic, type Reader } from '../permissions';

/** An earlier text as a node keeps it: with the status the node had while that text was current. */
export interface StoredVersion {
  text: string;
  writtenAt: Date | string;
  /** Absent on versions kept before statuses were: read as visible, as nodes were then. */
  status?: NodeStatus;
}

/**
 * The earlier texts of a node the reader may read, newest first. A text that was public may be read
 * by everyone, one that waited for or failed review only by whom may read such a text (see
 * canReadText). Withdrawing a node takes its words back: then only its author and moderators see them.
 */
export function readableVersions(
  reader: Reader | null | undefined,
  node: { authorId: string | null; withdrawn: boolean },
  versions: readonly StoredVersion[],
): NodeVersion[] {
  if (node.withdrawn && !canSeeNonPublic(reader, node)) return [];
  return versions
    .filter((v) => canReadText(reader, { status: v.status ?? 'visible', authorId: node.authorId }))
    .map((v) => ({ text: v.text, writtenAt: new Date(v.writtenAt).toISOString() }))
    .reverse();
}

/** Whether a vote cast at `ratedAt` was on an earlier text than the node's, last edited at `editedAt`. */
export function ratedEarlierVersion(ratedAt: Date | string | null, editedAt: Date | string | null): boolean {
  return ratedAt !== null && editedAt !== null && new Date(ratedAt).getTime() < new Date(editedAt).getTime();
}
