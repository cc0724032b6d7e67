import { LinkedText } from '../../../../ui/LinkedText/LinkedText';
import { UserLink } from '../../../../ui/UserLink/UserLink';
import { memo, useCallback, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { isModerator, type ArgumentNode, type Refusal } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { useReturnFocus } from '../../../../ui/focus/focus';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { TypeBadge } from '../../../../ui/TypeBadge/TypeBadge';
import { useAuth } from '../../../auth/hooks/useAuth';
import { NodeEdits } from '../../../history/components/NodeEdits/NodeEdits';
import { DecisionNotice } from '../../../moderation/components/DecisionNotice/DecisionNotice';
import { ModerationTools } from '../../../moderation/components/ModerationTools/ModerationTools';
import { PerspectiveStrength } from '../../../perspectives/components/PerspectiveStrength/PerspectiveStrength';
import { useNodeRefusals } from '../../hooks/useNodeRefusals';
import { useReplies } from '../../hooks/useReplies';
import { useThread } from '../../hooks/useThread';
import { useTreeCache } from '../../hooks/useTreeCache';
import { Composer } from '../Composer/Composer';
import { FlagForm } from '../FlagForm/FlagForm';
import { MoreReplies } from '../MoreReplies/MoreReplies';
import { StrengthBreakdown } from '../StrengthBreakdown/StrengthBreakdown';
import { VoteControl } from '../VoteControl/VoteControl';
import styles from './ThreadNode.module.css';

type Panel = 'reply' | 'edit' | 'flag' | 'strength' | 'withdraw' | 'moderate' | null;

export const NODE_LABELS: Record<ArgumentNode['type'], string> = { claim: 'Claim', support: 'Support', rebuttal: 'Rebuttal', comment: 'Comment' };

/** The distinct reasons among refusals, each once, with the id a control's aria-describedby names. */
function reasonsOf(refusals: readonly (Refusal | null)[], idBase: string): { id: string; message: string }[] {
  const messages = [...new Set(refusals.flatMap((r) => (r ? [r.message] : [])))];
  return messages.map((message, i) => ({ id: `${idBase}-why-${i}`, message }));
}

interface Props {
  node: ArgumentNode;
  depth: number;
}

/**
 * One argument with its replies below it. The thread's root reads its replies at once; deeper ones
 * when the reader opens them. Replies already on the page (one just posted, one arriving live) show
 * without asking, down to a depth.
 */
export const ThreadNode = memo(function ThreadNode({ node, depth }: Props) {
  const settings = useThread();
  const { threadHref } = settings;
  const { user } = useAuth();
  const cache = useTreeCache();
  const [panel, setPanel] = useState<Panel>(null);
  const articleRef = useRef<HTMLElement>(null);
  // A panel that closes gives focus back to the button that opened it (or to the argument).
  const back = useReturnFocus(useCallback(() => articleRef.current, []));
  const close = () => {
    setPanel(null);
    back.restore();
  };
  // null: the reader has not chosen, so what is on the page decides.
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const [draft, setDraft] = useState(node.text);
  const toggle = (p: Panel) => {
    if (panel === p) close();
    else {
      back.remember();
      setPanel(p);
    }
  };

  const replies = useReplies(settings, node.id, depth === 0);
  const children = replies.shown;
  const open = expanded ?? (depth === 0 || (depth < 4 && children.length > 0));
  const counts = node.replyCounts;
  const replyTotal = Math.max(replies.total, children.length);
  const show = () => {
    setExpanded(true);
    if (!replies.requested) replies.loadMore();
  };
  const own = !!user && node.authorId === user.id;
  const mod = isModerator(user);
  const editable = own && node.origin === 'user' && !node.withdrawn;
  const refusals = useNodeRefusals(node);
  const reasons = reasonsOf([refusals.reply, node.type === 'comment' ? null : refusals.vote, own ? null : refusals.flag, ...(editable ? [refusals.edit, refusals.withdraw] : [])], useId());
  const reasonFor = (r: Refusal | null) => (r ? reasons.find((x) => x.message === r.message)?.id : undefined);

  const edit = useMutation({
    mutationFn: () => api.editNode(node.id, draft),
    onSuccess: (n) => {
      cache.put(n);
      close();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => api.withdrawNode(node.id),
    onSuccess: (n) => {
      if (n && typeof n === 'object' && 'id' in n) cache.put(n);
      else cache.patch(node.articleId, node.id, { withdrawn: true, text: '' });
      setPanel(null);
      // The withdraw button is gone with the text: the argument itself keeps focus.
      articleRef.current?.focus();
    },
  });

  const label = NODE_LABELS[node.type];
  const comment = node.type === 'comment';
  return (
    <li className={`${styles.item} ${styles[node.type]}`}>
      <article
        ref={articleRef}
        tabIndex={-1}
        className={styles.node}
        data-node-id={node.id}
        data-node-type={node.type}
        data-status={node.status}
        aria-label={`${label} by ${node.origin === 'article' ? 'the article' : (node.authorName ?? 'unknown')}`}
      >
        <header className={styles.head}>
          <TypeBadge type={node.type} />
          {node.origin === 'article' ? <span className={styles.author}>From the article</span> : <UserLink name={node.authorName} className={styles.author} />}
          <RelativeTime iso={node.createdAt} />
          <NodeEdits node={node} />
          {node.pinned && <span className={styles.flagText}>pinned</span>}
          {node.locked && <span className={styles.flagText}>locked</span>}
          {!!node.slowModeSeconds && <span className={styles.flagText}>slow mode</span>}
          {node.orphaned && (
            <span className={styles.status} data-orphaned title="A revision of the article removed the passage it was about.">
              orphaned
            </span>
          )}
          {node.status !== 'visible' && <span className={styles.status}>{node.status === 'pending' ? 'awaiting review' : node.status}</span>}
        </header>
        {node.moderation && node.status !== 'visible' && <DecisionNotice node={{ ...node, moderation: node.moderation }} own={own} />}
        {node.anchor?.exact && <blockquote className={styles.quote}>“{node.anchor.exact}”</blockquote>}
        {node.withdrawn ? (
          <p className={styles.withdrawn}>Withdrawn by its author.</p>
        ) : panel === 'edit' ? (
          <form
            className={styles.editor}
            onSubmit={(e) => {
              e.preventDefault();
              if (draft.trim()) edit.mutate();
            }}
          >
            <label htmlFor={`edit-${node.id}`} className="visually-hidden">
              Edit your argument
            </label>
            <textarea id={`edit-${node.id}`} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus onKeyDown={(e) => e.key === 'Escape' && close()} />
            {edit.isError && <ErrorNote>{errorMessage(edit.error)}</ErrorNote>}
            <div className={styles.actions}>
              <button type="submit" data-variant="primary" disabled={edit.isPending || !draft.trim()}>
                Save
              </button>
              <button type="button" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <p className={styles.text}>
            <LinkedText text={node.text} />
          </p>
        )}
        <div className={styles.meta}>
          {comment ? (
            <span className={styles.commentNote}>A question or remark: it does not count toward strength.</span>
          ) : (
            <PerspectiveStrength articleId={node.articleId} node={node} compact label={`Strength of this ${label.toLowerCase()}`} />
          )}
          <span className={styles.counts}>
            {counts.support} {counts.support === 1 ? 'support' : 'supports'} · {counts.rebuttal} {counts.rebuttal === 1 ? 'rebuttal' : 'rebuttals'}
            {(counts.comment ?? 0) > 0 && ` · ${counts.comment} ${counts.comment === 1 ? 'comment' : 'comments'}`}
          </span>
        </div>
        {!comment && <VoteControl node={node} reasonId={reasonFor(refusals.vote)} />}
        <div className={styles.actions}>
          <button type="button" aria-expanded={panel === 'reply'} onClick={() => toggle('reply')} disabled={!!refusals.reply} aria-describedby={reasonFor(refusals.reply)}>
            Reply
          </button>
          {!comment && (
            <button type="button" aria-expanded={panel === 'strength'} onClick={() => toggle('strength')}>
              {node.rated ? `Why ${Math.round(node.strength * 100)}%?` : 'Why not rated?'}
            </button>
          )}
          {editable && (
            <>
              <button
                type="button"
                onClick={() => {
                  setDraft(node.text);
                  toggle('edit');
                }}
                aria-expanded={panel === 'edit'}
                disabled={!!refusals.edit}
                aria-describedby={reasonFor(refusals.edit)}
              >
                Edit
              </button>
              <button type="button" aria-expanded={panel === 'withdraw'} onClick={() => toggle('withdraw')} disabled={!!refusals.withdraw} aria-describedby={reasonFor(refusals.withdraw)}>
                Withdraw
              </button>
            </>
          )}
          {user && !own && (
            <button type="button" aria-expanded={panel === 'flag'} onClick={() => toggle('flag')} disabled={!!refusals.flag} aria-describedby={reasonFor(refusals.flag)}>
              Flag
            </button>
          )}
          {mod && (
            <button type="button" aria-expanded={panel === 'moderate'} onClick={() => toggle('moderate')}>
              Moderate
            </button>
          )}
          {depth > 0 && (
            <Link className={styles.open} to={threadHref(node.id)}>
              Open thread
            </Link>
          )}
        </div>
        {reasons.map((r) => (
          <p key={r.id} id={r.id} className="disabled-reason" data-disabled-reason>
            {r.message}
          </p>
        ))}
        {panel === 'withdraw' && (
          <div className={styles.confirm} role="group" aria-label="Confirm withdrawal">
            <span>Withdraw this argument? Its text will be removed; replies stay.</span>
            <button type="button" data-variant="primary" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
              Withdraw
            </button>
            <button type="button" onClick={close}>
              Keep it
            </button>
            {withdraw.isError && <ErrorNote>{errorMessage(withdraw.error)}</ErrorNote>}
          </div>
        )}
        {panel === 'strength' && <StrengthBreakdown nodeId={node.id} strength={node.strength} />}
        {panel === 'flag' && <FlagForm nodeId={node.id} onClose={close} />}
        {panel === 'moderate' && <ModerationTools node={node} />}
        {panel === 'reply' && (
          <Composer
            target={{ kind: 'node', articleId: node.articleId, nodeId: node.id }}
            onCancel={close}
            onDone={() => {
              // Focus goes to the new reply (see Composer), not back to the button.
              setPanel(null);
              setExpanded(true);
            }}
          />
        )}
      </article>
      {(open ? children.length > 0 : replyTotal > 0) && (
        <button type="button" data-variant="link" className={styles.collapse} aria-expanded={open} onClick={open ? () => setExpanded(false) : show}>
          {open ? 'Hide replies' : `Show ${replyTotal} ${replyTotal === 1 ? 'reply' : 'replies'}`}
        </button>
      )}
      {open && children.length > 0 && (
        <ul className={`${styles.children} ${depth >= 3 ? styles.flat : ''}`}>
          {children.map((c) => (
            <ThreadNode key={c.id} node={c} depth={depth + 1} />
          ))}
        </ul>
      )}
      {open && <MoreReplies replies={replies} context={`to this ${label.toLowerCase()}`} />}
    </li>
  );
});
