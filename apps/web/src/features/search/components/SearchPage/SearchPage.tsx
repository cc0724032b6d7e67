import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../../api/http';
import { errorMessage } from '../../../../api/errors';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import styles from './SearchPage.module.css';
import { useDocumentTitle } from '../../../../ui/focus/focus';

/** Results for `?q=`: articles by title, then public arguments by their words; each opens where it is. */
export function SearchPage() {
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const q = useQuery({ queryKey: queryKeys.search(query), queryFn: () => api.search(query), enabled: query.length >= 2 });
  useDocumentTitle(query ? `“${query}” · Search` : 'Search');
  return (
    <div className={styles.page}>
      <h1>Search</h1>
      {query.length < 2 && <p>Type at least two characters in the search field above.</p>}
      {query.length >= 2 && q.isPending && <p>Searching…</p>}
      {q.isError && <ErrorNote>{errorMessage(q.error)}</ErrorNote>}
      {q.data && (
        <>
          <p aria-live="polite">
            {q.data.items.length === 0 ? 'Nothing found' : `${q.data.items.length} ${q.data.items.length === 1 ? 'result' : 'results'}`} for “{query}”.
          </p>
          <ul className={styles.list} aria-label="Search results">
            {q.data.items.map((r) => (
              <li key={`${r.kind}:${r.id}`} className={styles.item}>
                <p className={styles.kind}>{r.kind === 'article' ? 'Article' : `Argument in “${r.title}”`}</p>
                <Link to={r.kind === 'article' ? `/articles/${r.articleId}` : `/articles/${r.articleId}/nodes/${r.id}`}>{r.kind === 'article' ? r.title : r.excerpt}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
