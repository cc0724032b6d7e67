import { useCallback } from 'react';
import type { ArgumentNode } from '@agora/shared';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../../api/errors';
import { useArticle, useFullTree } from '../../../../api/queries';
import { useLiveArticle } from '../../../../api/useLiveArticle';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { LiveIndicator } from '../../../../ui/LiveIndicator/LiveIndicator';
import { useAuth } from '../../../auth/hooks/useAuth';
import { PerspectiveSwitch } from '../../../perspectives/components/PerspectiveSwitch/PerspectiveSwitch';
import { SPLIT_SHOWN, usePerspectives } from '../../../perspectives/hooks/usePerspectives';
import type { MapPerspective } from '../MapNode/MapNode';
import { ArgumentMap } from '../ArgumentMap/ArgumentMap';
import styles from './MapPage.module.css';
import { useDocumentTitle } from '../../../../ui/focus/focus';

/** The argument map of an article; a node opens its thread. */
export default function MapPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const article = useArticle(id);
  useDocumentTitle(article.data ? `Argument map: ${article.data.title}` : 'Argument map');
  const tree = useFullTree(id);
  const live = useLiveArticle(id, user);
  const onOpen = useCallback((nodeId: string) => navigate(`/articles/${id}/nodes/${nodeId}`), [navigate, id]);
  const { strengthOf, splitOf } = usePerspectives(id);
  const perspectiveOf = useCallback(
    (node: ArgumentNode): MapPerspective => ({ ...strengthOf(node), split: (splitOf(node.id)?.spread ?? 0) >= SPLIT_SHOWN }),
    [strengthOf, splitOf],
  );
  const describe = useCallback(
    (nodeId: string) => {
      const node = tree.index.byId.get(nodeId);
      return node && !node.withdrawn ? { text: node.text, href: `/articles/${id}/nodes/${nodeId}` } : undefined;
    },
    [tree.index, id],
  );

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>
          Argument map{article.data && <span className={styles.sub}>: {article.data.title}</span>}
        </h1>
        <div className={styles.bar}>
          <LiveIndicator status={live.status} viewers={live.viewers} />
          <Link to={`/articles/${id}`}>Back to the article</Link>
          <span className={styles.legend} aria-label="Legend">
            <span className={styles.claim}>Claim</span>
            <span className={styles.support}>Supports</span>
            <span className={styles.rebut}>Rebuts (dashed)</span>
            <span className={styles.comment}>Comments (dotted, no weight)</span>
            <span>Stronger = deeper colour, thicker border</span>
            <span>Dashed outline: the groups split over it</span>
          </span>
        </div>
        <PerspectiveSwitch articleId={id} describe={describe} />
      </header>
      {tree.isPending && <p>Loading…</p>}
      {tree.isError && <ErrorNote>{errorMessage(tree.error)}</ErrorNote>}
      {tree.data && (
        <div className={styles.canvas}>
          <ArgumentMap nodes={tree.data} onOpen={onOpen} perspectiveOf={perspectiveOf} />
        </div>
      )}
    </div>
  );
}
