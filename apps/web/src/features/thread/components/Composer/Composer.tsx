import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { MAX_NODE_TEXT, REPLY_TYPES, type ArgumentNode, type Quote, type ReplyType } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { focusWhenShown } from '../../../../ui/focus/focus';
import { AuthForm } from '../../../auth/components/AuthForm/AuthForm';
import { useAuth } from '../../../auth/hooks/useAuth';
import { useTreeCache } from '../../hooks/useTreeCache';
import styles from './Composer.module.css';

export type ComposerTarget =
  | { kind: 'paragraph'; articleId: string; paragraphIndex: number; quote?: Quote }
  | { kind: 'node'; articleId: string; nodeId: string };

interface Props {
  target: ComposerTarget;
  initialType?: ReplyType;
  onDone?: (node: ArgumentNode) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** Near the limit, how much is left; past it, by how much to shorten (said before the button refuses). */
export function lengthNote(length: number, max = MAX_NODE_TEXT): string {
  if (length > max) return `${length - max} characters too long: shorten it to post (the limit is ${max}).`;
  if (length >= max * 0.9) return `${max - length} characters left of ${max}.`;
  return `${length} / ${max}`;
}

/** How each kind of reply is offered and named. */
export const REPLY_KINDS: Record<ReplyType, { choice: string; noun: string; hint: string; placeholder: string }> = {
  rebuttal: { choice: 'Rebut', noun: 'rebuttal', hint: 'argues against it', placeholder: 'Why is this wrong or weak?' },
  support: { choice: 'Support', noun: 'support', hint: 'argues for it', placeholder: 'What backs this up?' },
  comment: { choice: 'Comment', noun: 'comment', hint: 'a question or remark: it does not count toward strength', placeholder: 'What would you ask or add?' },
};

/**
 * Writes a rebuttal, support or comment to a paragraph (optionally quoting it) or to another argument.
 * The kind is the reader's choice, never a default: posting before choosing says so.
 */
export function Composer({ target, initialType, onDone, onCancel, autoFocus = true }: Props) {
  const { user } = useAuth();
  const cache = useTreeCache();
  const [type, setType] = useState<ReplyType | null>(initialType ?? null);
  const [text, setText] = useState('');
  const [needsAccount, setNeedsAccount] = useState(false);
  const [needsType, setNeedsType] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const id = useId();

  const post = useMutation({
    mutationFn: (kind: ReplyType) =>
      target.kind === 'paragraph'
        ? api.replyToParagraph(target.articleId, target.paragraphIndex, { type: kind, text, ...(target.quote ? { quote: target.quote } : {}) })
        : api.replyToNode(target.nodeId, { type: kind, text }),
    onSuccess: (node) => {
      cache.put(node, true);
      setText('');
      setNotice(node.status === 'pending' ? 'Posted. Your reply will appear to others once a moderator has reviewed it.' : null);
      onDone?.(node);
      // The reader goes on from what they wrote, not from the top of the page.
      focusWhenShown(`article[data-node-id="${node.id}"]`);
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim() || post.isPending) return;
    if (!type) {
      setNeedsType(true);
      firstChoice.current?.focus();
      return;
    }
    if (!user) {
      setNeedsAccount(true);
      return;
    }
    post.mutate(type);
  };

  const trimmed = text.trim().length;
  const over = text.length > MAX_NODE_TEXT;
  const kind = type ? REPLY_KINDS[type] : null;
  return (
    <div className={`${styles.composer} ${type ? styles[type] : ''}`}>
    <form className={styles.form} onSubmit={submit} aria-label={kind ? `Write a ${kind.noun}` : 'Write a reply'}>
      <fieldset className={styles.types} aria-describedby={needsType ? `${id}-choose` : undefined}>
        <legend className={styles.legend}>Your reply is a</legend>
        {REPLY_TYPES.map((t, i) => (
          <label key={t} className={`${styles.type} ${type === t ? styles.chosen : ''}`} title={REPLY_KINDS[t].hint}>
            <input
              ref={i === 0 ? firstChoice : undefined}
              type="radio"
              name={`${id}-type`}
              value={t}
              checked={type === t}
              onChange={() => {
                setType(t);
                setNeedsType(false);
              }}
            />
            {REPLY_KINDS[t].choice}
          </label>
        ))}
        {type === 'comment' && <span className={styles.kindHint}>A question or remark: it does not count toward strength.</span>}
      </fieldset>
      {needsType && (
        <p id={`${id}-choose`} className={styles.choose} role="alert">
          Choose whether your reply rebuts, supports or comments before posting.
        </p>
      )}
      {target.kind === 'paragraph' && target.quote && (
        <blockquote className={styles.quote} aria-label="Quoted passage">
          “{target.quote.exact}”
        </blockquote>
      )}
      <label htmlFor={`${id}-text`} className={styles.label}>
        {kind ? `Your ${kind.noun}` : 'Your reply'}
      </label>
      <textarea
        id={`${id}-text`}
        rows={3}
        value={text}
        autoFocus={autoFocus}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          if (e.key === 'Escape' && !text && onCancel) onCancel();
        }}
        aria-describedby={`${id}-count`}
        placeholder={kind?.placeholder ?? 'Choose a kind of reply above, then write it here.'}
      />
      <span id={`${id}-count`} className={`${styles.count} ${over ? styles.over : ''}`} aria-live="polite">
        {lengthNote(text.length)}
      </span>
      {post.isError && <ErrorNote>{errorMessage(post.error)}</ErrorNote>}
      {notice && (
        <p className={styles.notice} role="status">
          {notice}
        </p>
      )}
      {!(needsAccount && !user) && (
        <div className={styles.actions}>
          <button type="submit" data-variant="primary" disabled={trimmed === 0 || over || post.isPending}>
            {post.isPending ? 'Posting…' : kind ? `Post ${kind.noun}` : 'Post reply'}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      )}
    </form>
    {needsAccount && !user && (
      <AuthForm
        compact
        intro="Sign in or create an account to post. Your reply is kept."
        onDone={() => {
          setNeedsAccount(false);
          if (type) post.mutate(type);
        }}
      />
    )}
    </div>
  );
}
