import { useSyncExternalStore } from 'react';

/** Below this width the map is a nested list: a canvas of boxes is unreadable on a phone. */
export const NARROW_QUERY = '(max-width: 639px)';

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia?.(NARROW_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
};

/** Whether the screen is phone-narrow, kept current as it turns or resizes. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(NARROW_QUERY).matches ?? false, () => false);
}
