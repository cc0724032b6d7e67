import { Link } from 'react-router-dom';
import type { Notification } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { UserLink } from '../../../../ui/UserLink/UserLink';
import { useAuth } from '../../../auth/hooks/useAuth';
import { useNotifications } from '../../hooks/useNotifications';
import { REASON_CODE_LABELS } from '../../../moderation/components/ReasonCodeSelect/ReasonCodeSelect';
import styles from './NotificationsPage.module.css';
import { useDocumentTitle } from '../../../../ui/focus/focus';

function headline(n: Notification) {
  switch (n.kind) {
    case 'reply':
      return (
        <>
          <UserLink name={n.actorName} /> replied to your argument
        </>
      );
    case 'mention':
      return (
        <>
          <UserLink name={n.actorName} /> mentioned you
        </>
      );
    case 'votes':
      return <>Ratings</>;
    case 'moderation':
      return <>Moderation decision</>;
  }
}

/** What happened to the reader's arguments, newest first; unread ones marked, all marked read at once. */
export function NotificationsPage() {
  const { user, loading } = useAuth();
  const q = useNotifications();
  useDocumentTitle(q.unread ? `Notifications (${q.unread})` : 'Notifications');
  if (loading) return <p>Loading…</p>;
  if (!user)
    return (
      <p>
        <Link to="/signin?next=%2Fnotifications">Sign in</Link> to see your notifications.
      </p>
    );
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1>Notifications</h1>
        <button type="button" disabled={q.unread === 0 || q.markRead.isPending} onClick={() => q.markRead.mutate({ all: true })}>
          Mark all read
        </button>
      </div>
      {q.isPending && <p>Loading…</p>}
      {q.isError && <ErrorNote>{errorMessage(q.error)}</ErrorNote>}
      {q.markRead.isError && <ErrorNote>{errorMessage(q.markRead.error)}</ErrorNote>}
      {q.data && q.items.length === 0 && <p>Nothing yet: replies to your arguments, ratings, mentions and moderation decisions will show here.</p>}
      <ul className={styles.list} aria-label="Notifications">
        {q.items.map((n) => (
          <li key={n.id} className={`${styles.item} ${n.read ? '' : styles.unread}`} data-kind={n.kind}>
            <p className={styles.meta}>
              {!n.read && <span className="visually-hidden">Unread: </span>}
              {headline(n)} · <RelativeTime iso={n.createdAt} />
            </p>
            {n.text ? <p className={styles.text}>{n.text}</p> : <p className={styles.withheld}>This post is no longer visible.</p>}
            {n.reasonCode && <p className={styles.meta}>Reason code: {REASON_CODE_LABELS[n.reasonCode]}</p>}
            <p className={styles.meta}>
              <Link to={`/articles/${n.articleId}/nodes/${n.nodeId}`}>Open the thread</Link>
              {!n.read && (
                <>
                  {' · '}
                  <button type="button" data-variant="link" onClick={() => q.markRead.mutate({ ids: [n.id] })}>
                    Mark read
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      {q.hasNextPage && (
        <button type="button" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {q.isFetchingNextPage ? 'Loading…' : 'Older notifications'}
        </button>
      )}
    </div>
  );
}
