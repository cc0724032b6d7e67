import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppealOutcome, AppealView } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { REASON_CODE_LABELS } from '../ReasonCodeSelect/ReasonCodeSelect';
import styles from './AppealsList.module.css';

function AppealCard({ appeal }: { appeal: AppealView }) {
  const qc = useQueryClient();
  const id = useId();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (outcome: AppealOutcome) => api.decideAppeal(appeal.id, outcome, reason.trim()),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['moderation'] }),
  });
  return (
    <li className={styles.card} data-appeal-id={appeal.id} aria-label={`Appeal by ${appeal.authorName ?? 'unknown'}`}>
      <p>
        <Link to={`/articles/${appeal.articleId}/nodes/${appeal.nodeId}`}>“{appeal.excerpt}”</Link> by <strong>{appeal.authorName ?? 'unknown'}</strong>
      </p>
      <p>
        {appeal.action === 'hide' ? 'Hidden' : 'Removed'} by {appeal.decidedByName ?? 'a moderator'}
        {appeal.reasonCode && ` (${REASON_CODE_LABELS[appeal.reasonCode]})`}: {appeal.reason ?? 'no reason given'}
      </p>
      <blockquote className={styles.statement}>{appeal.statement}</blockquote>
      <p className={styles.when}>
        Appealed <RelativeTime iso={appeal.createdAt} />
      </p>
      {appeal.status === 'open' ? (
        <div className={styles.decide} role="group" aria-label="Decide the appeal">
          <label htmlFor={`${id}-reason`}>Reason for your decision</label>
          <input id={`${id}-reason`} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          <div className={styles.buttons}>
            <button type="button" disabled={decide.isPending || !reason.trim()} onClick={() => decide.mutate('uphold')}>
              Uphold
            </button>
            <button type="button" disabled={decide.isPending || !reason.trim()} onClick={() => decide.mutate('overturn')}>
              Overturn and restore
            </button>
          </div>
          {decide.isError && <ErrorNote>{errorMessage(decide.error)}</ErrorNote>}
        </div>
      ) : (
        <p role="status">
          {appeal.status === 'upheld' ? 'Upheld' : 'Overturned'} by {appeal.resolvedByName}: {appeal.resolution}
        </p>
      )}
    </li>
  );
}

/** Appeals of other moderators' decisions (the server leaves out the caller's own), open first. */
export function AppealsList() {
  const [status, setStatus] = useState<'open' | 'upheld' | 'overturned'>('open');
  const id = useId();
  const q = useQuery({ queryKey: queryKeys.appeals(status), queryFn: () => api.appeals(status), staleTime: 0, refetchOnWindowFocus: true });
  return (
    <>
      <label htmlFor={`${id}-status`}>Show</label>{' '}
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
        <option value="open">open appeals</option>
        <option value="upheld">upheld</option>
        <option value="overturned">overturned</option>
      </select>
      {q.isPending ? (
        <p>Loading…</p>
      ) : q.isError ? (
        <ErrorNote>{errorMessage(q.error)}</ErrorNote>
      ) : !q.data.items.length ? (
        <p>No appeals here.</p>
      ) : (
        <ul className={styles.list}>
          {q.data.items.map((a) => (
            <AppealCard key={a.id} appeal={a} />
          ))}
        </ul>
      )}
    </>
  );
}
