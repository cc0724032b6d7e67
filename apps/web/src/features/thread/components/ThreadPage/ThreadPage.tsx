import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../../api/errors';
import { useArticleNodes, useThreadNodes } from '../../../../api/article-nodes';
import { useArticle } from '../../../../api/queries';
import { useLiveArticle } from '../../../../api/useLiveArticle';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { LiveIndicator } from '../../../../ui/LiveIndicator/LiveIndicator';
import { useAuth } from '../../../auth/hooks/useAuth';
import { PerspectiveSwitch } from '../../../perspectives/components/PerspectiveSwitch/PerspectiveSwitch';
import { ThreadTree } from '../ThreadTree/ThreadTree';
import styles from './ThreadPage.module.css';
import { useDocumentTitle } from '../../../../ui/focus/focus';

const excerpt = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}…` : s);

/** One argument and everything said below it, with the chain of arguments above it. */
export function ThreadPage() {
  const { id = '', nodeId = '' } = useParams();
  const { user } = useAuth();
  const article = useArticle(id);
  const tree = useArticleNodes(id);
  // The node itself and the arguments above it; its replies load as the thread opens them.
  const thread = useThreadNodes(id, nodeId);
  const live = useLiveArticle(id, user);
  const threadHref = useCallback((n: string) => `/articles/${id}/nodes/${n}`, [id]);
  const describe = useCallback(
    (n: string) => {
      const found = tree.index.byId.get(n);
      return found && !found.withdrawn ? { text: found.text, href: threadHref(n) } : undefined;
    },
    [tree.index, threadHref],
  );

  // Until the node is read, the page may hold only the first screen's outline of it.
  const node = thread.isSuccess ? tree.index.byId.get(nodeId) : undefined;
  // The thesis heads every chain; the first crumb names the article instead.
  useDocumentTitle(node ? `${node.withdrawn ? 'Withdrawn argument' : excerpt(node.text)} · Thread` : 'Thread');
  const chain = (node?.ancestors.slice(1) ?? []).flatMap((a) => {
    const p = tree.index.byId.get(a);
    return p ? [{ id: p.id, text: p.text || '(withdrawn)' }] : [];
  });

  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <ol>
          <li>
            <Link to={`/articles/${id}`}>{article.data?.title ?? 'Article'}</Link>
          </li>
          {chain.map((c) => (
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
      <PerspectiveSwitch articleId={id} describe={describe} />
      <h1 className={styles.heading}>Thread</h1>
      {thread.isPending && <p>Loading…</p>}
      {thread.isError && <ErrorNote>{errorMessage(thread.error)}</ErrorNote>}
      {thread.isSuccess && !node && <ErrorNote>This argument is not available: it may have been removed.</ErrorNote>}
      {node && <ThreadTree articleId={id} index={tree.index} rootId={node.id} includeRoot threadHref={threadHref} label="Thread" />}
    </div>
  );
}
