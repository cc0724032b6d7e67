import { Link } from 'react-router-dom';
import type { QueueItem } from '@agora/shared';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { TypeBadge } from '../../../../ui/TypeBadge/TypeBadge';
import { ModerationTools } from '../ModerationTools/ModerationTools';
import { UserActions } from '../UserActions/UserActions';
import styles from './QueueItemCard.module.css';

/** A post awaiting a moderator: what it says, who flagged it and why, and what can be done. */
export function QueueItemCard({ item }: { item: QueueItem }) {
  const { node, flags, author, authorHistory } = item;
  return (
    <li className={styles.card}>
      <article data-node-id={node.id} data-node-type={node.type} aria-label={`${node.type} by ${author?.username ?? 'unknown'}`}>
        <header className={styles.head}>
          <TypeBadge type={node.type} />
          <span className={styles.status}>{node.status}</span>
          <RelativeTime iso={node.createdAt} />
          <Link to={`/articles/${node.articleId}/nodes/${node.id}`}>See in context</Link>
        </header>
        {node.anchor?.exact && <blockquote className={styles.quote}>“{node.anchor.exact}”</blockquote>}
        <p className={styles.text}>{node.text || <em>(no text)</em>}</p>
        {flags.length > 0 && (
          <details open={flags.length <= 3}>
            <summary>
              {flags.length} {flags.length === 1 ? 'flag' : 'flags'}
              {flags.some((f) => f.weight !== 1) && `, weighing ${Math.round(flags.reduce((sum, f) => sum + f.weight, 0) * 100) / 100}`}
            </summary>
            <ul className={styles.flags}>
              {flags.map((f) => (
                <li key={f.id}>
                  <strong>{f.reason}</strong> by {f.username ?? 'unknown'}, <RelativeTime iso={f.createdAt} />
                  {f.note && <>: “{f.note}”</>}
                  {f.weight !== 1 && <> (weighs {f.weight})</>}
                </li>
              ))}
            </ul>
          </details>
        )}
        <ModerationTools node={node} flagCount={flags.length} />
        {author && <UserActions author={author} />}
        {authorHistory.length > 0 && (
          <details>
            <summary>Author’s moderation history ({authorHistory.length})</summary>
            <ul className={styles.flags}>
              {authorHistory.map((h) => (
                <li key={h.id}>
                  {h.action} by {h.actorName ?? 'system'}, <RelativeTime iso={h.createdAt} />
                  {h.reason && <>: {h.reason}</>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </article>
    </li>
  );
}
