import type { NodeType } from '@agora/shared';
import styles from './TypeBadge.module.css';

export const TYPE_LABELS: Record<NodeType, string> = { support: 'Supports', rebuttal: 'Rebuts', claim: 'Claim', comment: 'Comment' };

/** The kind of an argument, in words and colour (never colour alone). */
export function TypeBadge({ type }: { type: NodeType }) {
  return <span className={`${styles.badge} ${styles[type]}`}>{TYPE_LABELS[type]}</span>;
}
