import { useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { isModerator, type QUEUE_STATUSES } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { useAuth } from '../../../auth/hooks/useAuth';
import { AppealsList } from '../AppealsList/AppealsList';
import { AuditLog } from '../AuditLog/AuditLog';
import { OrphansPanel } from '../OrphansPanel/OrphansPanel';
import { QueueItemCard } from '../QueueItemCard/QueueItemCard';
import { UserDirectory } from '../UserDirectory/UserDirectory';
import styles from './ModerationPage.module.css';
import { useDocumentTitle } from '../../../../ui/focus/focus';

type QueueTab = (typeof QUEUE_STATUSES)[number];
type Tab = QueueTab | 'appeals' | 'users' | 'orphans' | 'audit';
const TABS: { id: Tab; label: string }[] = [
  { id: 'flagged', label: 'Flagged' },
  { id: 'pending', label: 'Pending' },
  { id: 'hidden', label: 'Hidden' },
  { id: 'appeals', label: 'Appeals' },
  { id: 'users', label: 'Users' },
  { id: 'orphans', label: 'Orphans' },
  { id: 'audit', label: 'Audit log' },
];

function Panel({ tab }: { tab: Tab }) {
  switch (tab) {
    case 'audit':
      return <AuditLog />;
    case 'appeals':
      return <AppealsList />;
    case 'users':
      return <UserDirectory />;
    case 'orphans':
      return <OrphansPanel />;
    case 'flagged':
    case 'pending':
    case 'hidden':
      return <Queue status={tab} />;
  }
}

function Queue({ status }: { status: QueueTab }) {
  // Other moderators, the flag threshold and the thread's own tools change the queues too: read afresh on every visit.
  const q = useQuery({ queryKey: queryKeys.queue(status), queryFn: () => api.queue(status), staleTime: 0, refetchOnWindowFocus: true, refetchInterval: 30_000 });
  if (q.isPending) return <p>Loading…</p>;
  if (q.isError) return <ErrorNote>{errorMessage(q.error)}</ErrorNote>;
  if (!q.data.items.length) return <p>Nothing here. 🎉</p>;
  return (
    <ul className={styles.list}>
      {q.data.items.map((item) => (
        <QueueItemCard key={item.node.id} item={item} />
      ))}
    </ul>
  );
}

/** The moderators' desk: queues of flagged, pending and hidden posts, appeals, the user directory and the audit log. */
export function ModerationPage() {
  const { user, loading } = useAuth();
  const [tab, setTab] = useState<Tab>('flagged');
  useDocumentTitle('Moderation');
  if (loading) return <p>Loading…</p>;
  if (!user)
    return (
      <p>
        <Link to="/signin?next=/moderation">Sign in</Link> as a moderator to see the queue.
      </p>
    );
  if (!isModerator(user)) return <p>Only moderators and admins can see the moderation queue.</p>;

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    const next = TABS[(i + d + TABS.length) % TABS.length];
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div className={styles.page}>
      <h1>Moderation</h1>
      <div role="tablist" aria-label="Queues" className={styles.tabs}>
        {TABS.map((t, i) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-controls="mod-panel"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="mod-panel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
        <Panel tab={tab} />
      </div>
    </div>
  );
}
