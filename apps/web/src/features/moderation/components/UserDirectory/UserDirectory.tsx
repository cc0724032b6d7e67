import { useDeferredValue, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserStanding } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { UserActions } from '../UserActions/UserActions';
import styles from './UserDirectory.module.css';

const standingOf = (u: UserStanding): string => {
  if (u.banned) return `banned${u.banReason ? `: ${u.banReason}` : ''}`;
  if (u.suspendedUntil && Date.parse(u.suspendedUntil) > Date.now()) return `suspended until ${new Date(u.suspendedUntil).toLocaleString()}${u.suspendReason ? `: ${u.suspendReason}` : ''}`;
  return 'in good standing';
};

/** One user's standing, history, flags against their posts and the moderators' private notes, with actions. */
function Dossier({ userId }: { userId: string }) {
  const qc = useQueryClient();
  const id = useId();
  const [note, setNote] = useState('');
  const q = useQuery({ queryKey: queryKeys.userDossier(userId), queryFn: () => api.userDossier(userId), staleTime: 0 });
  const add = useMutation({
    mutationFn: () => api.addModeratorNote(userId, note.trim()),
    onSuccess: () => {
      setNote('');
      void qc.invalidateQueries({ queryKey: queryKeys.userDossier(userId) });
    },
  });
  if (q.isPending) return <p>Loading…</p>;
  if (q.isError) return <ErrorNote>{errorMessage(q.error)}</ErrorNote>;
  const { user, history, flags, notes } = q.data;
  return (
    <section className={styles.dossier} aria-label={`Dossier of ${user.username}`}>
      <h2>
        <Link to={`/u/${encodeURIComponent(user.username)}`}>{user.username}</Link> <span className={styles.role}>{user.role}</span>
      </h2>
      <p>
        Joined <RelativeTime iso={user.createdAt} />; {standingOf(user)}.
      </p>
      <UserActions author={user} label="User" />
      <h3>History</h3>
      {history.length ? (
        <ul className={styles.rows}>
          {history.map((e) => (
            <li key={e.id}>
              <RelativeTime iso={e.createdAt} /> {e.action} by {e.actorName ?? 'system'}
              {e.reasonCode && ` (${e.reasonCode})`}
              {e.reason && `: ${e.reason}`}
            </li>
          ))}
        </ul>
      ) : (
        <p>No moderation so far.</p>
      )}
      <h3>Flags against their posts</h3>
      {flags.length ? (
        <ul className={styles.rows}>
          {flags.map((f) => (
            <li key={f.id}>
              <Link to={`/articles/${f.articleId}/nodes/${f.nodeId}`}>{f.reason}</Link> by {f.username ?? 'unknown'} ({f.status}){f.note && `: “${f.note}”`}
            </li>
          ))}
        </ul>
      ) : (
        <p>No flags.</p>
      )}
      <h3>Private notes</h3>
      {notes.length ? (
        <ul className={styles.rows}>
          {notes.map((n) => (
            <li key={n.id}>
              <strong>{n.authorName}</strong>, <RelativeTime iso={n.createdAt} />: <span className={styles.note}>{n.text}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No notes.</p>
      )}
      <form
        className={styles.noteForm}
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim()) add.mutate();
        }}
      >
        <label htmlFor={`${id}-note`}>New note (moderators only)</label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" disabled={add.isPending || !note.trim()}>
          Add note
        </button>
        {add.isError && <ErrorNote>{errorMessage(add.error)}</ErrorNote>}
      </form>
    </section>
  );
}

/** The moderators' user directory: search by the start of a name, open a user to act on them. */
export function UserDirectory() {
  const id = useId();
  const [prefix, setPrefix] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const query = useDeferredValue(prefix.trim());
  const q = useQuery({ queryKey: queryKeys.userDirectory(query), queryFn: () => api.userDirectory(query), staleTime: 0 });
  return (
    <div className={styles.directory}>
      <div>
        <label htmlFor={`${id}-q`}>Find a user</label>{' '}
        <input id={`${id}-q`} type="search" value={prefix} maxLength={40} placeholder="Start of a name" onChange={(e) => setPrefix(e.target.value)} />
        {q.isError && <ErrorNote>{errorMessage(q.error)}</ErrorNote>}
        {q.data && (
          <ul className={styles.results} aria-label="Users">
            {q.data.items.map((u) => (
              <li key={u.id}>
                <button type="button" aria-pressed={picked === u.id} onClick={() => setPicked(u.id)}>
                  {u.username}
                </button>{' '}
                <span className={styles.standing}>
                  {u.role !== 'participant' && `${u.role}, `}
                  {standingOf(u)}
                </span>
              </li>
            ))}
            {!q.data.items.length && <li>No user’s name starts with that.</li>}
          </ul>
        )}
      </div>
      {picked && <Dossier key={picked} userId={picked} />}
    </div>
  );
}
