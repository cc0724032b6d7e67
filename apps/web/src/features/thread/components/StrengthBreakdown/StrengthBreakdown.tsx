import { useQuery } from '@tanstack/react-query';
import { describeStrength } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import styles from './StrengthBreakdown.module.css';

/**
 * Why a node has the strength shown, in plain words: its own rating, then each reply that moved it by
 * a point or more, with numbers that add up to the strength.
 */
export function StrengthBreakdown({ nodeId, strength }: { nodeId: string; strength: number }) {
  // Keyed on the current strength so a live change fetches a fresh explanation.
  const q = useQuery({ queryKey: [...queryKeys.strength(nodeId), strength], queryFn: () => api.strength(nodeId) });
  if (q.isPending) return <p className={styles.box}>Loading the breakdown…</p>;
  if (q.isError) return <ErrorNote>{errorMessage(q.error)}</ErrorNote>;
  // Worded here from the figures, with the same words as the server's `explanation`.
  const lines = describeStrength(q.data);
  return (
    <div className={styles.box} role="region" aria-label="Why this strength">
      <ul className={styles.lines}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
