import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ArgumentNode } from '@agora/shared';
import { queryKeys } from '../../../api/query-keys';
import { applyNode, patchNode } from '../../../api/tree-ops';
import { useAuth } from '../../auth/hooks/useAuth';

/** Writes the server's answer to a write straight into the article's tree, as a live event would. */
export function useTreeCache() {
  const qc = useQueryClient();
  const { user } = useAuth();
  const put = useCallback(
    (node: ArgumentNode) => {
      qc.setQueryData<ArgumentNode[]>(queryKeys.tree(node.articleId), (old) => (old ? applyNode(old, node, user) : old));
    },
    [qc, user],
  );
  const patch = useCallback(
    (articleId: string, id: string, fields: Partial<ArgumentNode>) => {
      qc.setQueryData<ArgumentNode[]>(queryKeys.tree(articleId), (old) => (old ? patchNode(old, id, fields) : old));
    },
    [qc],
  );
  return { put, patch };
}
