import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isAdmin, ROLES, type ReasonCode, type Role } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { useAuth } from '../../../auth/hooks/useAuth';
import { ReasonCodeSelect } from '../ReasonCodeSelect/ReasonCodeSelect';
import styles from './UserActions.module.css';

interface Author {
  id: string;
  username: string;
  suspendedUntil: string | null;
  banned: boolean;
}

const DAY = 86_400_000;

/** Suspend, ban, or lift either early; admins may also change the role. Suspending and banning need a reason. */
export function UserActions({ author, label = 'Author' }: { author: Author; label?: string }) {
  const { user } = useAuth();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [code, setCode] = useState<ReasonCode>('other');
  const [missing, setMissing] = useState(false);
  const [days, setDays] = useState(1);
  const [role, setRole] = useState<Role>('participant');
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const why = () => reason.trim();
  const sanction = (what: 'suspend' | 'ban') => {
    setMissing(!why());
    if (why()) run.mutate(what);
  };
  const run = useMutation({
    mutationFn: async (what: 'suspend' | 'ban' | 'unban' | 'role') => {
      switch (what) {
        case 'suspend':
          await api.suspend(author.id, new Date(Date.now() + days * DAY).toISOString(), why(), code);
          return `Suspended for ${days} ${days === 1 ? 'day' : 'days'}.`;
        case 'ban':
          await api.ban(author.id, why(), code);
          return 'Banned.';
        case 'unban':
          await api.unban(author.id, reason);
          return author.banned ? 'Unbanned.' : 'Suspension lifted.';
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
        {label}: <strong>{author.username}</strong>
        {author.banned && <span className={styles.tag}>banned</span>}
        {suspended && <span className={styles.tag}>suspended until {new Date(author.suspendedUntil!).toLocaleString()}</span>}
      </p>
      <div className={styles.row}>
        <label htmlFor={`${id}-why`}>Reason</label>
        <input
          id={`${id}-why`}
          value={reason}
          aria-invalid={missing || undefined}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
          maxLength={1000}
        />
        <ReasonCodeSelect id={`${id}-code`} value={code} onChange={setCode} />
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
        <button type="button" disabled={run.isPending} onClick={() => sanction('suspend')}>
          Suspend
        </button>
        {author.banned ? (
          <button type="button" disabled={run.isPending} onClick={() => run.mutate('unban')}>
            Unban
          </button>
        ) : (
          <>
            {suspended && (
              <button type="button" disabled={run.isPending} onClick={() => run.mutate('unban')}>
                Lift suspension
              </button>
            )}
            <button type="button" disabled={run.isPending} onClick={() => sanction('ban')}>
              Ban
            </button>
          </>
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
      {missing && <ErrorNote>Write a reason before suspending or banning.</ErrorNote>}
      {run.isError && <ErrorNote>{errorMessage(run.error)}</ErrorNote>}
    </div>
  );
}
