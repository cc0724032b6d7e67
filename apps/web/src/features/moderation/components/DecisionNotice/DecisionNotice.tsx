import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ArgumentNode, NodeModeration } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { useTreeCache } from '../../../thread/hooks/useTreeCache';
import { REASON_CODE_LABELS } from '../ReasonCodeSelect/ReasonCodeSelect';
import styles from './DecisionNotice.module.css';

const APPEAL_STATE: Record<NonNullable<NodeModeration['appeal']>, string> = {
  open: 'You appealed: another moderator will decide.',
  upheld: 'Your appeal was turned down: the decision stands.',
  overturned: 'Your appeal was granted.',
};

/** Why moderators took a post out of view, as its author (or a moderator) reads it; the author may appeal once. */
export function DecisionNotice({ node, own }: { node: ArgumentNode & { moderation: NodeModeration }; own: boolean }) {
  const { moderation: m } = node;
  const cache = useTreeCache();
  const [open, setOpen] = useState(false);
  const [statement, setStatement] = useState('');
  const id = useId();
  const appeal = useMutation({
    mutationFn: () => api.appeal(node.id, statement.trim()),
    onSuccess: () => {
      cache.patch(node.articleId, node.id, { moderation: { ...m, appeal: 'open' } });
      setOpen(false);
    },
  });
  return (
    <section className={styles.notice} aria-label="Moderation decision">
      <p className={styles.what}>
        {m.action === 'hide' ? 'Hidden' : 'Removed'} by a moderator
        {m.reasonCode && <span className={styles.code}>{REASON_CODE_LABELS[m.reasonCode]}</span>}
      </p>
      {m.reason && <p className={styles.reason}>Reason: {m.reason}</p>}
      {m.appeal && <p role="status">{APPEAL_STATE[m.appeal]}</p>}
      {own && !m.appeal && !open && (
        <button type="button" onClick={() => setOpen(true)}>
          Appeal
        </button>
      )}
      {own && !m.appeal && open && (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (statement.trim()) appeal.mutate();
          }}
        >
          <label htmlFor={`${id}-statement`}>Why should another moderator look again?</label>
          <textarea id={`${id}-statement`} rows={3} maxLength={2000} value={statement} onChange={(e) => setStatement(e.target.value)} autoFocus />
          <div className={styles.buttons}>
            <button type="submit" data-variant="primary" disabled={appeal.isPending || !statement.trim()}>
              Send appeal
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
          {appeal.isError && <ErrorNote>{errorMessage(appeal.error)}</ErrorNote>}
        </form>
      )}
    </section>
  );
}
