import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import styles from './StrengthBreakdown.module.css';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Why a node has the strength it has: its votes, the prior, and what its replies add or take away. */
export function StrengthBreakdown({ nodeId, strength }: { nodeId: string; strength: number }) {
  // Keyed on the current strength so a live change fetches a fresh explanation.
  const q = useQuery({ queryKey: [...queryKeys.strength(nodeId), strength], queryFn: () => api.strength(nodeId) });
  if (q.isPending) return <p className={styles.box}>Loading the breakdown…</p>;
  if (q.isError) return <ErrorNote>{errorMessage(q.error)}</ErrorNote>;
  const b = q.data;
  const supporters = b.children.filter((c) => c.role === 'supporter');
  const attackers = b.children.filter((c) => c.role === 'attacker');
  return (
    <div className={styles.box} aria-label="Strength breakdown">
      <dl className={styles.grid}>
        <dt>Strength</dt>
        <dd>{pct(b.strength)}</dd>
        <dt>From votes</dt>
        <dd>
          {pct(b.base)} ({b.votes.count} {b.votes.count === 1 ? 'vote' : 'votes'}, starting from {b.prior.mean}/5 worth {b.prior.weight} votes)
        </dd>
        <dt>Supports add</dt>
        <dd>
          {pct(b.supportAggregate)} from {supporters.length}
        </dd>
        <dt>Rebuttals take</dt>
        <dd>
          {pct(b.attackAggregate)} from {attackers.length}
        </dd>
      </dl>
      {b.explanation && <p className={styles.explanation}>{b.explanation}</p>}
    </div>
  );
}
