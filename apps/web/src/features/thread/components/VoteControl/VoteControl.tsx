import { useId, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArgumentNode, Refusal, VoteResponse } from '@agora/shared';
import { errorMessage } from '../../../../api/errors';
import { api } from '../../../../api/http';
import { setMyVote, useMyVote } from '../../../../api/queries';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { useAuth } from '../../../auth/hooks/useAuth';
import { useNodeRefusals } from '../../hooks/useNodeRefusals';
import { useTreeCache } from '../../hooks/useTreeCache';
import styles from './VoteControl.module.css';

const VALUES = [1, 2, 3, 4, 5] as const;
const MEANING: Record<number, string> = { 1: 'very weak', 2: 'weak', 3: 'fair', 4: 'strong', 5: 'very strong' };

interface Props {
  node: Pick<ArgumentNode, 'id' | 'articleId' | 'authorId' | 'votes' | 'withdrawn' | 'status' | 'type' | 'locked' | 'ancestors'>;
  /** Where the reason the vote is refused is already shown (by the argument around it); else it is shown here. */
  reasonId?: string;
}

/**
 * A 1 to 5 rating of how strong an argument is: shows, changes and withdraws the reader's own vote.
 * When the server would refuse the vote, the steps are disabled and say why before any click.
 */
export function VoteControl({ node, reasonId }: Props) {
  const { user } = useAuth();
  const qc = useQueryClient();
  const cache = useTreeCache();
  const location = useLocation();
  const [askAccount, setAskAccount] = useState(false);
  const own = !!user && node.authorId === user.id;
  const refusal: Refusal | null = useNodeRefusals(node).vote;
  const ownReasonId = useId();
  const mine = useMyVote(node.articleId, node.id, user?.id, !own);
  const remember = (value: number | null) => setMyVote(qc, node.articleId, user?.id, node.id, value);

  const change = useMutation({
    mutationFn: (value: number | null) => (value === null ? api.unvote(node.id) : api.vote(node.id, value)),
    onMutate: (value) => {
      const previous = mine;
      remember(value);
      return { previous };
    },
    onError: (_err, _value, ctx) => remember(ctx?.previous ?? null),
    onSuccess: (res: VoteResponse) => {
      remember(res.myVote);
      cache.patch(node.articleId, node.id, { votes: res.votes, strength: res.strength, rated: res.rated });
    },
  });

  const myVote = mine;
  const choose = (v: number) => {
    if (!user) {
      setAskAccount(true);
      return;
    }
    change.mutate(v === myVote ? null : v);
  };
  const avg = node.votes.count ? node.votes.sum / node.votes.count : null;
  const disabled = !!refusal || change.isPending;
  const describedBy = refusal ? (reasonId ?? ownReasonId) : undefined;

  return (
    <div className={styles.control} data-testid={`vote-${node.id}`}>
      <div role="group" aria-label="Rate how strong this argument is, 1 to 5" className={styles.scale} aria-describedby={describedBy}>
        <span className={styles.caption} aria-hidden="true">
          Rate
        </span>
        {VALUES.map((v) => (
          <button
            key={v}
            type="button"
            className={`${styles.step} ${myVote !== null && v <= myVote ? styles.filled : ''}`}
            aria-pressed={myVote === v}
            aria-label={`${v} of 5, ${MEANING[v]}${myVote === v ? ' (your vote; press again to withdraw)' : ''}`}
            title={refusal?.message ?? `${v}: ${MEANING[v]}`}
            disabled={disabled}
            onClick={() => choose(v)}
          >
            {v}
          </button>
        ))}
        {myVote !== null && !own && (
          <button type="button" data-variant="link" onClick={() => change.mutate(null)} disabled={!!refusal || change.isPending}>
            Withdraw vote
          </button>
        )}
      </div>
      <span className={styles.summary}>
        {node.votes.count === 0 ? 'No votes yet' : `${node.votes.count} ${node.votes.count === 1 ? 'vote' : 'votes'}, average ${avg!.toFixed(1)}`}
        {myVote !== null && ` · yours: ${myVote}`}
        {own && ' · your argument'}
      </span>
      {refusal && !reasonId && (
        <p id={ownReasonId} className="disabled-reason" data-disabled-reason>
          {refusal.message}
        </p>
      )}
      {askAccount && !user && (
        <p className={styles.ask} role="status">
          <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>Sign in</Link> to rate arguments.
        </p>
      )}
      {change.isError && <ErrorNote>{errorMessage(change.error)}</ErrorNote>}
    </div>
  );
}
