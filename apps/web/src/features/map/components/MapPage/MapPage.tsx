import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../../api/errors';
import { useArticle, useFullTree } from '../../../../api/queries';
import { useLiveArticle } from '../../../../api/useLiveArticle';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { LiveIndicator } from '../../../../ui/LiveIndicator/LiveIndicator';
import { useAuth } from '../../../auth/hooks/useAuth';
import { ArgumentMap } from '../ArgumentMap/ArgumentMap';
import styles from './MapPage.module.css';

/** The argument map of an article; a node opens its thread. */
export default function MapPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const article = useArticle(id);
  const tree = useFullTree(id);
  const live = useLiveArticle(id, user);
  const onOpen = useCallback((nodeId: string) => navigate(`/articles/${id}/nodes/${nodeId}`), [navigate, id]);

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
            <span>Stronger = deeper colour, thicker border</span>
          </span>
        </div>
      </header>
      {tree.isPending && <p>Loading…</p>}
      {tree.isError && <ErrorNote>{errorMessage(tree.error)}</ErrorNote>}
      {tree.data && (
        <div className={styles.canvas}>
          <ArgumentMap nodes={tree.data} onOpen={onOpen} />
        </div>
      )}
    </div>
  );
}
