import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../../api/errors';
import { useArticle, useArticleTree } from '../../../../api/queries';
import { useLiveArticle } from '../../../../api/useLiveArticle';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { LiveIndicator } from '../../../../ui/LiveIndicator/LiveIndicator';
import { useAuth } from '../../../auth/hooks/useAuth';
import { ThreadTree } from '../ThreadTree/ThreadTree';
import styles from './ThreadPage.module.css';

const excerpt = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}…` : s);

/** One argument and everything said below it, with the chain of arguments above it. */
export function ThreadPage() {
  const { id = '', nodeId = '' } = useParams();
  const { user } = useAuth();
  const article = useArticle(id);
  const tree = useArticleTree(id);
  const live = useLiveArticle(id, user);
  const threadHref = useCallback((n: string) => `/articles/${id}/nodes/${n}`, [id]);

  const node = tree.index.byId.get(nodeId);
  const chain: { id: string; text: string }[] = [];
  for (let p = node?.parentId ? tree.index.byId.get(node.parentId) : undefined; p; p = p.parentId ? tree.index.byId.get(p.parentId) : undefined) {
    chain.unshift({ id: p.id, text: p.text || '(withdrawn)' });
  }

  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <ol>
          <li>
            <Link to={`/articles/${id}`}>{article.data?.title ?? 'Article'}</Link>
          </li>
          {chain.slice(1).map((c) => (
            <li key={c.id}>
              <Link to={threadHref(c.id)}>{excerpt(c.text)}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <div className={styles.bar}>
        <LiveIndicator status={live.status} viewers={live.viewers} />
        <Link to={`/articles/${id}/map`}>Argument map</Link>
      </div>
      <h1 className={styles.heading}>Thread</h1>
      {tree.isPending && <p>Loading…</p>}
      {tree.isError && <ErrorNote>{errorMessage(tree.error)}</ErrorNote>}
      {tree.isSuccess && !node && <ErrorNote>This argument is not available: it may have been removed.</ErrorNote>}
      {node && <ThreadTree index={tree.index} rootId={node.id} includeRoot threadHref={threadHref} label="Thread" />}
    </div>
  );
}
