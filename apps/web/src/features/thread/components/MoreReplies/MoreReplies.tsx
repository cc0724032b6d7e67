import { errorMessage } from '../../../../api/errors';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import type { useReplies } from '../../hooks/useReplies';
import styles from './MoreReplies.module.css';

type Replies = ReturnType<typeof useReplies>;

const moreText = (remaining: number) => (remaining > 0 ? `Show ${remaining} more ${remaining === 1 ? 'reply' : 'replies'}` : 'Show more replies');

/**
 * Below a list of replies: loads the next page, says it is loading, or why it failed. `context` ends the
 * button's name for screen readers, who meet many such buttons ("to this rebuttal").
 */
export function MoreReplies({ replies, context }: { replies: Replies; context: string }) {
  const { hasMore, loading, error, remaining, loadMore } = replies;
  if (!hasMore && !loading && !error) return null;
  const text = error ? 'Try again' : moreText(remaining);
  return (
    <div className={styles.more}>
      {error && <ErrorNote>Could not load the replies: {errorMessage(error)}</ErrorNote>}
      {loading ? (
        <span className={styles.loading} role="status">
          Loading replies…
        </span>
      ) : (
        <button type="button" data-variant="link" onClick={loadMore} aria-label={`${text} ${context}`}>
          {text}
        </button>
      )}
    </div>
  );
}
