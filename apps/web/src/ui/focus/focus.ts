import { useCallback, useEffect, useRef } from 'react';

/**
 * Focuses the first element matching `selector` as soon as it is in the page (now, or once React has
 * rendered it), giving up after `timeoutMs`: how focus lands on a post just written.
 */
export function focusWhenShown(selector: string, timeoutMs = 3000): void {
  const tryFocus = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return false;
    el.focus({ preventScroll: false });
    return document.activeElement === el;
  };
  if (tryFocus()) return;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = window.setTimeout(() => stop(), timeoutMs);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
}

/**
 * Remembers what had focus when a panel or dialog opened, and gives focus back to it when it closes
 * (or to `fallback` when that element has left the page), so that a keyboard reader is not sent back
 * to the top of the page.
 */
export function useReturnFocus(fallback?: () => HTMLElement | null | undefined) {
  const trigger = useRef<HTMLElement | null>(null);
  const pending = useRef(false);
  const remember = useCallback((el?: HTMLElement | null) => {
    trigger.current = el ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
  }, []);
  /** Call when the panel closes; focus moves once React has re-rendered. */
  const restore = useCallback(() => {
    pending.current = true;
    window.requestAnimationFrame(() => {
      if (!pending.current) return;
      pending.current = false;
      const target = trigger.current?.isConnected ? trigger.current : fallback?.();
      target?.focus();
    });
  }, [fallback]);
  useEffect(() => () => void (pending.current = false), []);
  return { remember, restore };
}

/** Sets the document's title while the page is shown: each page says what it is in the tab and to screen readers. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (!title) return;
    document.title = `${title} · Agora`;
  }, [title]);
}
