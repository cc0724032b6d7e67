import { canReadText, type Reader, type StoredLiveEvent } from '@agora/shared';

/** The id of the node whose text an event carries, if it carries one. */
export const nodeIdOf = (event: StoredLiveEvent): string | null => (event.name === 'node:created' || event.name === 'node:updated' ? event.payload.node.id : null);

/**
 * An event as kept for replay (in the log and in memory): without its node's text. Text that is later
 * hidden, removed or edited then never outlives the change; a replay takes the text the node has now.
 */
export function withoutText(event: StoredLiveEvent): StoredLiveEvent {
  if (event.name !== 'node:created' && event.name !== 'node:updated') return event;
  // A decision's reason is not kept either: it is for the author and moderators, who read it from the node.
  const { moderation, ...node } = event.payload.node;
  if (event.payload.node.text === '' && !moderation) return event;
  return { name: event.name, payload: { ...event.payload, node: { ...node, text: '' } } } as StoredLiveEvent;
}

/** What a replay needs of a node as it is now. */
export interface CurrentText {
  text: string;
  status: Parameters<typeof canReadText>[1]['status'];
  authorId: string | null;
  withdrawn: boolean;
}

/**
 * A kept event given back its node's text as the node is now, for one reader: empty when the node is
 * gone, withdrawn, or not readable by `reader` in its current state (null: public text only).
 */
export function withCurrentText(event: StoredLiveEvent, current: ReadonlyMap<string, CurrentText>, reader: Reader | null): StoredLiveEvent {
  if (event.name !== 'node:created' && event.name !== 'node:updated') return event;
  const now = current.get(event.payload.node.id);
  const text = now && !now.withdrawn && canReadText(reader, now) ? now.text : '';
  return { name: event.name, payload: { ...event.payload, node: { ...event.payload.node, text } } } as StoredLiveEvent;
}
