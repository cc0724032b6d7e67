import { canReadText, canSeeNonPublic, type Reader, type StoredLiveEvent } from '@agora/shared';

/**
 * An event as one reader may receive it: node text they may not read (hidden, pending, removed) is
 * sent empty. Events are stored with full text so each reader is served by their own rights.
 */
export function redactFor(viewer: Reader | null, event: StoredLiveEvent): StoredLiveEvent {
  if (event.name !== 'node:created' && event.name !== 'node:updated') return event;
  const node = event.payload.node;
  // The decision's reason is the author's and the moderators' business only.
  const { moderation, ...rest } = node;
  const shown = moderation && !canSeeNonPublic(viewer, node) ? rest : node;
  if (shown.withdrawn || canReadText(viewer, shown)) return shown === node ? event : ({ name: event.name, payload: { ...event.payload, node: shown } } as StoredLiveEvent);
  return { name: event.name, payload: { ...event.payload, node: { ...shown, text: '' } } } as StoredLiveEvent;
}
