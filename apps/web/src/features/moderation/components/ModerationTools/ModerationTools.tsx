import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArgumentNode, ModerationAction } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { useTreeCache } from '../../../thread/hooks/useTreeCache';
import styles from './ModerationTools.module.css';

const ACTION_LABELS: Record<ModerationAction, string> = { approve: 'Approve', hide: 'Hide', remove: 'Remove', restore: 'Restore' };

/** Which verdicts make sense for a node in its current state. */
export function actionsFor(status: ArgumentNode['status']): ModerationAction[] {
  switch (status) {
    case 'pending':
      return ['approve', 'hide', 'remove'];
    case 'visible':
      return ['hide', 'remove'];
    case 'hidden':
      return ['restore', 'remove'];
    case 'removed':
      return ['restore'];
  }
}

/** One-click moderator actions on a node, each recorded with a reason. */
export function ModerationTools({ node, onDone }: { node: ArgumentNode; onDone?: () => void }) {
  const qc = useQueryClient();
  const cache = useTreeCache();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const afterwards = (what: string) => {
    setDone(what);
    void qc.invalidateQueries({ queryKey: ['moderation'] });
    onDone?.();
  };
  const reasonOrDefault = () => reason.trim() || 'Moderator decision';

  const act = useMutation({
    mutationFn: (action: ModerationAction) => api.moderate(node.id, action, reasonOrDefault()),
    onSuccess: (res, action) => {
      if (res && typeof res === 'object' && 'id' in res && 'articleId' in res) cache.put(res as ArgumentNode);
      afterwards(`${ACTION_LABELS[action]}d.`);
    },
  });
  const lock = useMutation({
    mutationFn: () => api.lockNode(node.id, !node.locked),
    onSuccess: () => {
      cache.patch(node.articleId, node.id, { locked: !node.locked });
      afterwards(node.locked ? 'Unlocked.' : 'Locked.');
    },
  });
  const pin = useMutation({
    mutationFn: () => api.pinNode(node.id, !node.pinned),
    onSuccess: () => {
      cache.patch(node.articleId, node.id, { pinned: !node.pinned });
      afterwards(node.pinned ? 'Unpinned.' : 'Pinned.');
    },
  });
  const error = act.error ?? lock.error ?? pin.error;
  const busy = act.isPending || lock.isPending || pin.isPending;

  return (
    <div className={styles.tools} role="group" aria-label="Moderation">
      <label htmlFor={`${id}-reason`}>Reason (recorded in the audit log)</label>
      <input
        id={`${id}-reason`}
        list={`${id}-reasons`}
        value={reason}
        placeholder="Moderator decision"
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
      />
      <datalist id={`${id}-reasons`}>
        <option value="Spam" />
        <option value="Abusive language" />
        <option value="Off topic" />
        <option value="Reviewed: within the rules" />
      </datalist>
      <div className={styles.buttons}>
        {actionsFor(node.status).map((a) => (
          <button key={a} type="button" data-action={a} disabled={busy} onClick={() => act.mutate(a)}>
            {ACTION_LABELS[a]}
          </button>
        ))}
        <button type="button" disabled={busy} onClick={() => lock.mutate()}>
          {node.locked ? 'Unlock replies' : 'Lock replies'}
        </button>
        <button type="button" disabled={busy} onClick={() => pin.mutate()}>
          {node.pinned ? 'Unpin' : 'Pin'}
        </button>
      </div>
      {done && (
        <p role="status" className={styles.done}>
          {done}
        </p>
      )}
      {error && <ErrorNote>{errorMessage(error)}</ErrorNote>}
    </div>
  );
}
