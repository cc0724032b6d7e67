import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MODERATION_ACTIONS, MODERATION_TRANSITIONS, type ArgumentNode, type ModerationAction, type ReasonCode } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { useTreeCache } from '../../../thread/hooks/useTreeCache';
import { ReasonCodeSelect } from '../ReasonCodeSelect/ReasonCodeSelect';
import styles from './ModerationTools.module.css';

const ACTION_LABELS: Record<ModerationAction, string> = { approve: 'Approve', hide: 'Hide', remove: 'Remove', restore: 'Restore' };
const ACTION_DONE: Record<ModerationAction, string> = { approve: 'Approved.', hide: 'Hidden.', remove: 'Removed.', restore: 'Restored.' };
/** The intervals offered for slow mode, in seconds. */
const SLOW_MODE_LABELS: Record<number, string> = { 30: '30 seconds', 60: '1 minute', 300: '5 minutes', 900: '15 minutes', 3600: '1 hour' };
const ACTION_HINTS: Partial<Record<ModerationAction, string>> = { approve: 'Keep it and dismiss its flags' };

/**
 * The verdicts the server accepts for a node in its current state (the shared transition table),
 * less the ones that would say nothing: approving a visible node only dismisses flags, so it is
 * offered when there are some, and restoring a pending node is the same as approving it.
 */
export function actionsFor(status: ArgumentNode['status'], flagCount = 0): ModerationAction[] {
  return MODERATION_ACTIONS.filter((a) => {
    if (!MODERATION_TRANSITIONS[a].from.includes(status)) return false;
    if (a === 'approve' && status === 'visible') return flagCount > 0;
    if (a === 'restore' && status === 'pending') return false;
    return true;
  });
}

interface Props {
  node: ArgumentNode;
  /** Open flags on the node, when known (the queue knows; the thread does not). */
  flagCount?: number;
  onDone?: () => void;
}

/** Moderator actions on a node; a verdict needs a reason, which its author reads and may appeal. */
export function ModerationTools({ node, flagCount = 0, onDone }: Props) {
  const qc = useQueryClient();
  const cache = useTreeCache();
  const [reason, setReason] = useState('');
  const [code, setCode] = useState<ReasonCode>('other');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const afterwards = (what: string) => {
    setDone(what);
    void qc.invalidateQueries({ queryKey: ['moderation'] });
    onDone?.();
  };
  const decide = (action: ModerationAction) => {
    setMissing(!reason.trim());
    if (reason.trim()) act.mutate(action);
  };

  const act = useMutation({
    mutationFn: (action: ModerationAction) => api.moderate(node.id, action, reason.trim(), code),
    onSuccess: (res, action) => {
      cache.put(res);
      afterwards(ACTION_DONE[action]);
    },
  });
  const lock = useMutation({
    mutationFn: (locked: boolean) => api.lockNode(node.id, locked, reason, code),
    onSuccess: (res, locked) => {
      cache.put(res);
      afterwards(locked ? 'Locked.' : 'Unlocked.');
    },
  });
  const pin = useMutation({
    mutationFn: (pinned: boolean) => api.pinNode(node.id, pinned, reason),
    onSuccess: (res, pinned) => {
      cache.put(res);
      afterwards(pinned ? 'Pinned.' : 'Unpinned.');
    },
  });
  const slow = useMutation({
    mutationFn: (seconds: number) => api.slowMode(node.id, seconds, reason),
    onSuccess: (res, seconds) => {
      cache.put(res);
      afterwards(seconds ? `Slow mode: ${SLOW_MODE_LABELS[seconds] ?? `${seconds} s`} between one reader’s replies.` : 'Slow mode off.');
    },
  });
  const error = act.error ?? lock.error ?? pin.error ?? slow.error;
  const busy = act.isPending || lock.isPending || pin.isPending || slow.isPending;

  return (
    <div className={styles.tools} role="group" aria-label="Moderation">
      <label htmlFor={`${id}-reason`}>Reason (recorded in the audit log)</label>
      <input
        id={`${id}-reason`}
        list={`${id}-reasons`}
        value={reason}
        required
        aria-invalid={missing || undefined}
        aria-describedby={`${id}-hint`}
        maxLength={1000}
        onChange={(e) => {
          setReason(e.target.value);
          if (e.target.value.trim()) setMissing(false);
        }}
      />
      <p id={`${id}-hint`} className={styles.hint}>
        Required to approve, hide, remove or restore: the author reads it and may appeal.
      </p>
      <ReasonCodeSelect id={`${id}-code`} value={code} onChange={setCode} />
      <datalist id={`${id}-reasons`}>
        <option value="Spam" />
        <option value="Abusive language" />
        <option value="Off topic" />
        <option value="Reviewed: within the rules" />
      </datalist>
      <div className={styles.buttons}>
        {actionsFor(node.status, flagCount).map((a) => (
          <button key={a} type="button" data-action={a} disabled={busy} title={ACTION_HINTS[a]} onClick={() => decide(a)}>
            {ACTION_LABELS[a]}
          </button>
        ))}
        <button type="button" disabled={busy} onClick={() => lock.mutate(!node.locked)}>
          {node.locked ? 'Unlock replies' : 'Lock replies'}
        </button>
        <button type="button" disabled={busy} onClick={() => pin.mutate(!node.pinned)}>
          {node.pinned ? 'Unpin' : 'Pin'}
        </button>
      </div>
      <div className={styles.buttons}>
        <label htmlFor={`${id}-slow`}>Slow mode</label>
        <select id={`${id}-slow`} value={node.slowModeSeconds ?? 0} disabled={busy} onChange={(e) => slow.mutate(Number(e.target.value))}>
          {[0, ...Object.keys(SLOW_MODE_LABELS).map(Number)].map((s) => (
            <option key={s} value={s}>
              {s ? SLOW_MODE_LABELS[s] : 'off'}
            </option>
          ))}
        </select>
      </div>
      {done && (
        <p role="status" className={styles.done}>
          {done}
        </p>
      )}
      {missing && <ErrorNote>Write a reason first: the author will read it.</ErrorNote>}
      {error && <ErrorNote>{errorMessage(error)}</ErrorNote>}
    </div>
  );
}
