import type { ArgumentNode } from '@agora/shared';
import { StrengthMeter } from '../../../../ui/StrengthMeter/StrengthMeter';
import { SPLIT_SHOWN, usePerspectives } from '../../hooks/usePerspectives';
import styles from './PerspectiveStrength.module.css';

interface Props {
  articleId: string;
  node: Pick<ArgumentNode, 'id' | 'strength' | 'rated'>;
  /** What the meter measures, e.g. "Strength of paragraph 3". */
  label: string;
  compact?: boolean;
}

/** A node's strength as the chosen perspective sees it, and a mark where the groups part over it. */
export function PerspectiveStrength({ articleId, node, label, compact = false }: Props) {
  const { strengthOf, splitOf } = usePerspectives(articleId);
  const shown = strengthOf(node);
  const split = splitOf(node.id);
  return (
    <span className={styles.strength} data-perspective={shown.group ?? 'everyone'}>
      {shown.rated || !shown.group ? (
        <StrengthMeter value={shown.value} rated={shown.rated} compact={compact} label={shown.group ? `${label}, for ${shown.group}` : label} />
      ) : (
        <span className={styles.unrated}>Not rated by {shown.group}</span>
      )}
      {split && split.spread >= SPLIT_SHOWN && (
        <span className={styles.split} title={split.groups.map((g) => `${g.label}: ${Math.round(g.strength * 100)}%`).join(' · ')}>
          Groups split: {split.groups.map((g) => `${g.label.replace(/^Group /, '')} ${Math.round(g.strength * 100)}%`).join(' · ')}
        </span>
      )}
    </span>
  );
}
