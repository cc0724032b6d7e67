import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ArgumentNode } from '@agora/shared';
import { patchCachedNode, putNode } from '../../../api/node-cache';
import { useAuth } from '../../auth/hooks/useAuth';

/** Writes the server's answer to a write straight into the article's nodes, as a live event would. */
export function useTreeCache() {
  const qc = useQueryClient();
  const { user } = useAuth();
  /** `isNew`: the node was just created (a reply posted), so it was not counted before. */
  const put = useCallback((node: ArgumentNode, isNew = false) => putNode(qc, node, user, isNew), [qc, user]);
  const patch = useCallback((articleId: string, id: string, fields: Partial<ArgumentNode>) => patchCachedNode(qc, articleId, id, fields), [qc]);
  return { put, patch };
}
