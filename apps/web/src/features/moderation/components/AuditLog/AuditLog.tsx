import { useInfiniteQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import styles from './AuditLog.module.css';
import { describeChange } from './describe-change';

/** Every moderation decision, newest first. */
export function AuditLog() {
  const q = useInfiniteQuery({
    queryKey: queryKeys.audit(),
    queryFn: ({ pageParam }) => api.audit(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
  if (q.isPending) return <p>Loading the audit log…</p>;
  if (q.isError) return <ErrorNote>{errorMessage(q.error)}</ErrorNote>;
  const entries = q.data.pages.flatMap((p) => p.items);
  if (!entries.length) return <p>No moderation actions yet.</p>;
  return (
    <>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <caption className="visually-hidden">Audit log</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Change</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <RelativeTime iso={e.createdAt} />
                </td>
                <td>{e.actorName ?? 'system'}</td>
                <td>{e.action}</td>
                <td>
                  {e.targetType} <code className={styles.id}>{e.targetId.slice(-6)}</code>
                </td>
                <td>{describeChange(e.before, e.after)}</td>
                <td>{e.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {q.hasNextPage && (
        <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          Load more
        </button>
      )}
    </>
  );
}
