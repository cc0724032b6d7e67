import { useCallback, useSyncExternalStore } from 'react';

/**
 * Which perspective the reader looks through, per article: null for everyone, else a group id. Kept
 * for the session, so that the reader, a thread and the map show the same one.
 */
const KEY = (articleId: string) => `agora:perspective:${articleId}`;
const listeners = new Set<() => void>();

function read(articleId: string): string | null {
  try {
    return sessionStorage.getItem(KEY(articleId));
  } catch {
    return null;
  }
}

export function choosePerspective(articleId: string, groupId: string | null): void {
  try {
    if (groupId === null) sessionStorage.removeItem(KEY(articleId));
    else sessionStorage.setItem(KEY(articleId), groupId);
  } catch {
    // Storage refused (private mode): the choice simply does not outlive the page.
  }
  for (const l of listeners) l();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function usePerspectiveChoice(articleId: string): [string | null, (groupId: string | null) => void] {
  const chosen = useSyncExternalStore(subscribe, () => read(articleId), () => null);
  const choose = useCallback((groupId: string | null) => choosePerspective(articleId, groupId), [articleId]);
  return [chosen, choose];
}
