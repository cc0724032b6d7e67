import { canReadText, type Reader, type StoredLiveEvent } from '@agora/shared';

/**
 * An event as one reader may receive it: node text they may not read (hidden, pending, removed) is
 * sent empty. Events are stored with full text so each reader is served by their own rights.
 */
export function redactFor(viewer: Reader | null, event: StoredLiveEvent): StoredLiveEvent {
  if (event.name !== 'node:created' && event.name !== 'node:updated') return event;
  const node = event.payload.node;
  if (node.withdrawn || canReadText(viewer, node)) return event;
  return { name: event.name, payload: { ...event.payload, node: { ...node, text: '' } } } as StoredLiveEvent;
}
