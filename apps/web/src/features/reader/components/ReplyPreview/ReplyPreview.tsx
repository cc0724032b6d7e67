import { UserLink } from '../../../../ui/UserLink/UserLink';
import type { ArgumentNode } from '@agora/shared';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { TypeBadge } from '../../../../ui/TypeBadge/TypeBadge';
import styles from './ReplyPreview.module.css';

/** A reply shown in brief under a closed paragraph. */
export function ReplyPreview({ node }: { node: ArgumentNode }) {
  return (
    <li className={`${styles.preview} ${styles[node.type]}`} data-node-id={node.id} data-node-type={node.type}>
      <span className={styles.head}>
        <TypeBadge type={node.type} /> <UserLink name={node.authorName} className={styles.author} /> <RelativeTime iso={node.createdAt} />
        {node.orphaned && (
          <span className={styles.orphaned} data-orphaned title="A revision of the article removed the passage it was about.">
            {' '}
            · orphaned
          </span>
        )}
      </span>
      <span className={styles.text}>{node.withdrawn ? 'Withdrawn by its author.' : node.text}</span>
    </li>
  );
}
