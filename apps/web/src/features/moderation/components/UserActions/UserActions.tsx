import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isAdmin, ROLES, type Role } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { useAuth } from '../../../auth/hooks/useAuth';
import styles from './UserActions.module.css';

interface Author {
  id: string;
  username: string;
  suspendedUntil: string | null;
  banned: boolean;
}

const DAY = 86_400_000;

/** Suspend, ban or unban the author of a post; admins may also change their role. */
export function UserActions({ author }: { author: Author }) {
  const { user } = useAuth();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [days, setDays] = useState(1);
  const [role, setRole] = useState<Role>('participant');
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const why = () => reason.trim() || 'Moderator decision';
  const run = useMutation({
    mutationFn: async (what: 'suspend' | 'ban' | 'unban' | 'role') => {
      switch (what) {
        case 'suspend':
          await api.suspend(author.id, new Date(Date.now() + days * DAY).toISOString(), why());
          return `Suspended for ${days} ${days === 1 ? 'day' : 'days'}.`;
        case 'ban':
          await api.ban(author.id, why());
          return 'Banned.';
        case 'unban':
          await api.unban(author.id, reason);
          return 'Unbanned.';
        case 'role':
          await api.setRole(author.id, role, reason);
          return `Role set to ${role}.`;
      }
    },
    onSuccess: (msg) => {
      setDone(msg);
      void qc.invalidateQueries({ queryKey: ['moderation'] });
    },
  });
  const suspended = author.suspendedUntil && Date.parse(author.suspendedUntil) > Date.now();
  return (
    <div className={styles.box} role="group" aria-label={`Actions on ${author.username}`}>
      <p className={styles.who}>
        Author: <strong>{author.username}</strong>
        {author.banned && <span className={styles.tag}>banned</span>}
        {suspended && <span className={styles.tag}>suspended until {new Date(author.suspendedUntil!).toLocaleString()}</span>}
      </p>
      <div className={styles.row}>
        <label htmlFor={`${id}-why`}>Reason</label>
        <input id={`${id}-why`} value={reason} placeholder="Moderator decision" onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </div>
      <div className={styles.row}>
        <label htmlFor={`${id}-days`}>Suspend for</label>
        <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[1, 3, 7, 30].map((d) => (
            <option key={d} value={d}>
              {d} {d === 1 ? 'day' : 'days'}
            </option>
          ))}
        </select>
        <button type="button" disabled={run.isPending} onClick={() => run.mutate('suspend')}>
          Suspend
        </button>
        {author.banned ? (
          <button type="button" disabled={run.isPending} onClick={() => run.mutate('unban')}>
            Unban
          </button>
        ) : (
          <button type="button" disabled={run.isPending} onClick={() => run.mutate('ban')}>
            Ban
          </button>
        )}
      </div>
      {isAdmin(user) && (
        <div className={styles.row}>
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button type="button" disabled={run.isPending} onClick={() => run.mutate('role')}>
            Set role
          </button>
        </div>
      )}
      {done && <p role="status">{done}</p>}
      {run.isError && <ErrorNote>{errorMessage(run.error)}</ErrorNote>}
    </div>
  );
}
