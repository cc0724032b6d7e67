import { useEffect, useState, type RefObject } from 'react';
import type { Quote } from '@agora/shared';

export interface ParagraphSelection {
  paragraphIndex: number;
  quote: Quote;
  start: number;
  end: number;
}

const CONTEXT = 32;
const MAX_QUOTE = 2000;

/** The text element of a paragraph that contains a DOM node, if any. */
function paragraphTextOf(node: Node | null, root: HTMLElement): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : (node?.parentElement ?? null);
  const found = el?.closest<HTMLElement>('[data-paragraph-text]') ?? null;
  return found && root.contains(found) ? found : null;
}

/** Reads the current selection as a quote of one paragraph, or null. Exported for tests. */
export function readSelection(selection: Selection | null, root: HTMLElement): ParagraphSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const el = paragraphTextOf(range.startContainer, root);
  if (!el || el !== paragraphTextOf(range.endContainer, root)) return null;
  const text = el.textContent ?? '';
  const before = document.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let end = start + range.toString().length;
  // Drop the spaces a double-click or a sloppy drag picks up at either end.
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start || end - start > MAX_QUOTE) return null;
  const exact = text.slice(start, end);
  const paragraphIndex = Number(el.dataset.paragraphText);
  if (!Number.isInteger(paragraphIndex)) return null;
  const prefix = text.slice(Math.max(0, start - CONTEXT), start);
  const suffix = text.slice(end, end + CONTEXT);
  return { paragraphIndex, start, end, quote: { exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) } };
}

/**
 * Follows what the reader selects inside the paragraphs below `rootRef`. A selection that collapses
 * while focus is in `keepWhileFocusedIn` (the quote bar) is kept, so its buttons can be used.
 */
export function useTextSelection(rootRef: RefObject<HTMLElement | null>, keepSelector = '[data-quote-bar]') {
  const [sel, setSel] = useState<ParagraphSelection | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const root = rootRef.current;
        if (!root) return;
        const next = readSelection(document.getSelection(), root);
        if (next) setSel(next);
        else if (!document.activeElement?.closest(keepSelector)) setSel(null);
      }, 120);
    };
    document.addEventListener('selectionchange', update);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', update);
    };
  }, [rootRef, keepSelector]);
  return [sel, setSel] as const;
}
