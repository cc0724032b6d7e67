import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { FLAG_REASONS, type FlagInput } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import styles from './FlagForm.module.css';

const LABELS: Record<FlagInput['reason'], string> = {
  spam: 'Spam',
  abuse: 'Abuse or harassment',
  'off-topic': 'Off topic',
  misinformation: 'Misinformation',
  other: 'Something else',
};

/** Reports an argument to the moderators. */
export function FlagForm({ nodeId, onClose }: { nodeId: string; onClose: () => void }) {
  const [reason, setReason] = useState<FlagInput['reason']>('spam');
  const [note, setNote] = useState('');
  const id = useId();
  const flag = useMutation({ mutationFn: () => api.flag(nodeId, { reason, ...(note.trim() ? { note: note.trim() } : {}) }) });

  if (flag.isSuccess) {
    return (
      <p className={styles.form} role="status">
        Thanks: the moderators will look at it.{' '}
        <button type="button" data-variant="link" onClick={onClose}>
          Close
        </button>
      </p>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    flag.mutate();
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Flag this argument">
      <label htmlFor={`${id}-reason`}>Reason</label>
      <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as FlagInput['reason'])}>
        {FLAG_REASONS.map((r) => (
          <option key={r} value={r}>
            {LABELS[r]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>Note (optional)</label>
      <input id={`${id}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      {flag.isError && <ErrorNote>{errorMessage(flag.error)}</ErrorNote>}
      <div className={styles.actions}>
        <button type="submit" data-variant="primary" disabled={flag.isPending}>
          Send flag
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
