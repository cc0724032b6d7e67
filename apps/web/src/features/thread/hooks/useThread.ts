import { createContext, useContext } from 'react';
import type { ChildSort, TreeIndex } from '../../../api/tree-ops';

export interface ThreadSettings {
  articleId: string;
  /** The article's nodes loaded so far: replies load a page at a time as the reader opens them. */
  index: TreeIndex;
  sort: ChildSort;
  /** Whether nodes taken from the article itself are listed even when nobody has replied to them. */
  showArticleNodes: boolean;
  /** Where "open thread" links point. */
  threadHref: (nodeId: string) => string;
}

export const ThreadContext = createContext<ThreadSettings | null>(null);

export function useThread(): ThreadSettings {
  const ctx = useContext(ThreadContext);
  if (!ctx) throw new Error('useThread outside a ThreadTree');
  return ctx;
}
