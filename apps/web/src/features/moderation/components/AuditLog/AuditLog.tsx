import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AUDIT_ACTIONS, type AuditEntry } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api, type AuditFilter } from '../../../../api/http';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import styles from './AuditLog.module.css';
import { describeChange } from './describe-change';

/** A person picked as a filter: the id goes to the server, the name is what the moderator sees. */
interface Picked {
  id: string;
  name: string;
}

/** A date input's day as the start (or end) of that day in the moderator's time zone, as the API wants it. */
const dayBound = (day: string, end: boolean): string | undefined => (day ? new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined);

function Target({ e }: { e: AuditEntry }) {
  if (e.nodeId && e.articleId)
    return (
      <Link to={`/articles/${e.articleId}/nodes/${e.nodeId}`} className={styles.excerpt}>
        {e.excerpt ? `“${e.excerpt}”` : 'the post'}
      </Link>
    );
  if (e.targetType === 'article' && e.articleId) return <Link to={`/articles/${e.articleId}`}>{e.excerpt ?? 'the article'}</Link>;
  return <>{e.targetType}</>;
}

/** Every moderation decision, newest first, narrowed by moderator, user (click a name), action and dates. */
export function AuditLog() {
  const id = useId();
  const [actor, setActor] = useState<Picked | null>(null);
  const [subject, setSubject] = useState<Picked | null>(null);
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: AuditFilter = { actorId: actor?.id, userId: subject?.id, action: action || undefined, from: dayBound(from, false), to: dayBound(to, true) };
  const q = useInfiniteQuery({
    queryKey: queryKeys.audit(filter),
    queryFn: ({ pageParam }) => api.audit(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
    refetchOnWindowFocus: true,
    // The rows stay while a changed filter loads, so the moderator keeps their place.
    placeholderData: (previous) => previous,
  });
  const entries = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <form className={styles.filters} aria-label="Audit log filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-action`}>Action</label>
        <select id={`${id}-action`} value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">any</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        {actor && (
          <button type="button" onClick={() => setActor(null)} aria-label={`Stop filtering by moderator ${actor.name}`}>
            by {actor.name} ✕
          </button>
        )}
        {subject && (
          <button type="button" onClick={() => setSubject(null)} aria-label={`Stop filtering by user ${subject.name}`}>
            about {subject.name} ✕
          </button>
        )}
      </form>
      <p className={styles.tip}>Click a moderator or a user to see only their entries.</p>
      {q.isPending ? (
        <p>Loading the audit log…</p>
      ) : q.isError ? (
        <ErrorNote>{errorMessage(q.error)}</ErrorNote>
      ) : !entries.length ? (
        <p>No moderation actions match.</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <caption className="visually-hidden">Audit log</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">User</th>
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
                  <td>
                    {e.actorId && e.actorName ? (
                      <button type="button" className={styles.name} onClick={() => setActor({ id: e.actorId!, name: e.actorName! })}>
                        {e.actorName}
                      </button>
                    ) : (
                      'system'
                    )}
                  </td>
                  <td>{e.action}</td>
                  <td>
                    {e.subjectUserId && (
                      <button type="button" className={styles.name} onClick={() => setSubject({ id: e.subjectUserId!, name: e.subjectUserName ?? 'this user' })}>
                        {e.subjectUserName ?? 'unknown'}
                      </button>
                    )}
                  </td>
                  <td>
                    <Target e={e} />
                  </td>
                  <td>{describeChange(e.before, e.after)}</td>
                  <td>
                    {e.reasonCode && <span className={styles.code}>{e.reasonCode}</span>} {e.reason ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {q.hasNextPage && (
        <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          Load more
        </button>
      )}
    </>
  );
}
