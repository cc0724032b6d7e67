import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ArgumentNode } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { useMyVote } from '../../../../api/queries';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { useAuth } from '../../../auth/hooks/useAuth';
import styles from './NodeEdits.module.css';

/**
 * That a node was edited, with its earlier texts on demand (as far as the reader may read them), and
 * for a reader who rated it before the last edit, that their rating was of an earlier version.
 */
export function NodeEdits({ node }: { node: ArgumentNode }) {
  const { user } = useAuth();
  const [open, setOpen] = useState(false);
  const own = !!user && node.authorId === user.id;
  const myVote = useMyVote(node.articleId, node.id, user?.id, !!node.editedAt && !own);
  const history = useQuery({
    queryKey: queryKeys.nodeHistory(node.id, node.editedAt, user?.id),
    queryFn: () => api.nodeHistory(node.id),
    enabled: open && !!node.editedAt,
  });
  const rated = useQuery({
    queryKey: queryKeys.myVote(node.id, node.editedAt, myVote, user?.id),
    queryFn: () => api.myVote(node.id),
    enabled: !!node.editedAt && !!user && !own && myVote !== null,
    staleTime: Infinity,
  });
  if (!node.editedAt) return null;
  const versions = history.data?.versions ?? [];
  return (
    <span className={styles.edits}>
      <button type="button" className={styles.toggle} aria-expanded={open} onClick={() => setOpen(!open)}>
        edited <RelativeTime iso={node.editedAt} />
      </button>
      {rated.data?.onEarlierVersion && (
        <span className={styles.earlier} role="note">
          You rated an earlier version: rate it again if the edit changes your mind.
        </span>
      )}
      {open && (
        <span className={styles.panel} role="region" aria-label="Earlier versions">
          {history.isPending && 'Loading earlier versions…'}
          {history.isError && <ErrorNote>{errorMessage(history.error)}</ErrorNote>}
          {history.data && versions.length === 0 && 'No earlier version you may read.'}
          {versions.length > 0 && (
            <ol className={styles.versions}>
              {versions.map((v) => (
                <li key={`${v.writtenAt}-${v.text.length}`} className={styles.version}>
                  <span className={styles.when}>
                    written <RelativeTime iso={v.writtenAt} />
                  </span>
                  <span className={styles.text}>{v.text}</span>
                </li>
              ))}
            </ol>
          )}
        </span>
      )}
    </span>
  );
}
