import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { MAX_NODE_TEXT, type ArgumentNode, type Quote, type ReplyType } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
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

/** Writes a support or rebuttal to a paragraph (optionally quoting it) or to another argument. */
export function Composer({ target, initialType = 'rebuttal', onDone, onCancel, autoFocus = true }: Props) {
  const { user } = useAuth();
  const cache = useTreeCache();
  const [type, setType] = useState<ReplyType>(initialType);
  const [text, setText] = useState('');
  const [needsAccount, setNeedsAccount] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();

  const post = useMutation({
    mutationFn: () =>
      target.kind === 'paragraph'
        ? api.replyToParagraph(target.articleId, target.paragraphIndex, { type, text, ...(target.quote ? { quote: target.quote } : {}) })
        : api.replyToNode(target.nodeId, { type, text }),
    onSuccess: (node) => {
      cache.put(node, true);
      setText('');
      setNotice(node.status === 'pending' ? 'Posted. Your reply will appear to others once a moderator has reviewed it.' : null);
      onDone?.(node);
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim() || post.isPending) return;
    if (!user) {
      setNeedsAccount(true);
      return;
    }
    post.mutate();
  };

  const trimmed = text.trim().length;
  const over = text.length > MAX_NODE_TEXT;
  return (
    <div className={`${styles.composer} ${styles[type]}`}>
    <form className={styles.form} onSubmit={submit} aria-label={type === 'rebuttal' ? 'Write a rebuttal' : 'Write a support'}>
      <fieldset className={styles.types}>
        <legend className="visually-hidden">Kind of reply</legend>
        {(['rebuttal', 'support'] as const).map((t) => (
          <label key={t} className={`${styles.type} ${type === t ? styles.chosen : ''}`}>
            <input type="radio" name={`${id}-type`} value={t} checked={type === t} onChange={() => setType(t)} />
            {t === 'rebuttal' ? 'Rebut' : 'Support'}
          </label>
        ))}
      </fieldset>
      {target.kind === 'paragraph' && target.quote && (
        <blockquote className={styles.quote} aria-label="Quoted passage">
          “{target.quote.exact}”
        </blockquote>
      )}
      <label htmlFor={`${id}-text`} className={styles.label}>
        {type === 'rebuttal' ? 'Your rebuttal' : 'Your support'}
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
        placeholder={type === 'rebuttal' ? 'Why is this wrong or weak?' : 'What backs this up?'}
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
            {post.isPending ? 'Posting…' : type === 'rebuttal' ? 'Post rebuttal' : 'Post support'}
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
          post.mutate();
        }}
      />
    )}
    </div>
  );
}
