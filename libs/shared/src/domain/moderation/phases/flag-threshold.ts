import type { NodeStatus } from '../../../contracts/rest/nodes.schema';

/**
 * Whether a node's open flags send it to review: only a node still in public view moves, so a node a
 * moderator has already hidden, removed or queued is left where it is.
 */
export function reachesThreshold(openFlags: number, threshold: number, status: NodeStatus): boolean {
  return status === 'visible' && openFlags >= Math.max(1, threshold);
}
