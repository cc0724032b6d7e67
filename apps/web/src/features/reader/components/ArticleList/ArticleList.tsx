import { Link } from 'react-router-dom';
import { errorMessage } from '../../../../api/errors';
import { useArticles } from '../../../../api/queries';
import { ArticleByline } from '../../../../ui/ArticleByline/ArticleByline';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { OpenDisputes } from '../OpenDisputes/OpenDisputes';
import styles from './ArticleList.module.css';

/** The articles under debate: where each comes from, how lively it is and what is most disputed in it. */
export function ArticleList() {
  const q = useArticles();
  return (
    <div className={styles.page}>
      <h1>Articles</h1>
      {q.isPending && <p>Loading…</p>}
      {q.isError && <ErrorNote>{errorMessage(q.error)}</ErrorNote>}
      {q.data && q.data.length === 0 && <p>No articles yet.</p>}
      {q.data && q.data.length > 0 && (
        <ul className={styles.list}>
          {q.data.map((a) => (
            <li key={a.id} className={styles.item} data-article-id={a.id}>
              <h2 className={styles.title}>
                <Link to={`/articles/${a.id}`}>{a.title}</Link>
              </h2>
              <ArticleByline metadata={a.metadata} />
              <p className={styles.meta}>
                {a.paragraphCount} paragraphs · {a.replyCount} {a.replyCount === 1 ? 'reply' : 'replies'} · last activity{' '}
                <RelativeTime iso={a.lastActivityAt} />
                {a.locked && ' · locked'}
              </p>
              {a.disputes && <OpenDisputes articleId={a.id} disputes={a.disputes} />}
              <p className={styles.links}>
                <Link to={`/articles/${a.id}/map`}>Argument map</Link> · Download:{' '}
                <a href={`/api/articles/${a.id}/export?format=argdown`} download>
                  Argdown
                </a>{' '}
                ·{' '}
                <a href={`/api/articles/${a.id}/export?format=aif`} download>
                  AIF
                </a>{' '}
                ·{' '}
                <a href={`/api/articles/${a.id}/export?format=json`} download>
                  JSON
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
