import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../../api/http';
import { errorMessage } from '../../../../api/errors';
import { queryKeys } from '../../../../api/query-keys';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { LinkedText } from '../../../../ui/LinkedText/LinkedText';
import { RelativeTime } from '../../../../ui/RelativeTime/RelativeTime';
import { StrengthMeter } from '../../../../ui/StrengthMeter/StrengthMeter';
import { TypeBadge } from '../../../../ui/TypeBadge/TypeBadge';
import styles from './ProfilePage.module.css';
import { useDocumentTitle } from '../../../../ui/focus/focus';

const STANDING = { active: 'In good standing', suspended: 'Suspended', banned: 'Banned' } as const;
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** A reader's page: their arguments, the strength and ratings they received, their standing (and, for moderators, their record). */
export function ProfilePage() {
  const { name = '' } = useParams();
  const q = useQuery({ queryKey: queryKeys.profile(name), queryFn: () => api.profile(name), enabled: !!name });
  useDocumentTitle(q.data?.username ?? name);
  if (q.isPending) return <p>Loading…</p>;
  if (q.isError) return <ErrorNote>{errorMessage(q.error)}</ErrorNote>;
  const p = q.data;
  return (
    <div className={styles.page}>
      <h1>{p.username}</h1>
      <p className={styles.meta}>
        {p.role !== 'participant' && `${p.role[0].toUpperCase()}${p.role.slice(1)} · `}
        {STANDING[p.standing]} · joined <RelativeTime iso={p.joinedAt} />
      </p>
      <dl className={styles.stats}>
        <div>
          <dt>Arguments</dt>
          <dd>{p.stats.arguments}</dd>
        </div>
        <div>
          <dt>Ratings received</dt>
          <dd>{p.stats.votesReceived}</dd>
        </div>
        <div>
          <dt>Mean rating</dt>
          <dd>{p.stats.meanRating === null ? '—' : `${p.stats.meanRating.toFixed(1)}/5`}</dd>
        </div>
        <div>
          <dt>Mean strength</dt>
          <dd>{percent(p.stats.meanStrength)}</dd>
        </div>
      </dl>
      <h2>Arguments</h2>
      {p.arguments.length === 0 && <p>No public arguments yet.</p>}
      <ul className={styles.list} aria-label={`Arguments by ${p.username}`}>
        {p.arguments.map((a) => (
          <li key={a.id} className={styles.item}>
            <p className={styles.meta}>
              <TypeBadge type={a.type} /> on <Link to={`/articles/${a.articleId}`}>{a.articleTitle}</Link> · <RelativeTime iso={a.createdAt} />
              {a.status !== 'visible' && <strong> · {a.status}</strong>}
            </p>
            <p className={styles.text}>
              <LinkedText text={a.text} />
            </p>
            <p className={styles.meta}>
              <StrengthMeter value={a.strength} rated={a.rated} compact /> · {a.votes.count} {a.votes.count === 1 ? 'rating' : 'ratings'}
              {a.votes.mean !== null && ` (mean ${a.votes.mean.toFixed(1)}/5)`} · <Link to={`/articles/${a.articleId}/nodes/${a.id}`}>Open the thread</Link>
            </p>
          </li>
        ))}
      </ul>
      {p.moderation && (
        <section className={styles.record} aria-label="Moderation record">
          <h2>Moderation record</h2>
          <p>
            {p.moderation.flagsReceived} open {p.moderation.flagsReceived === 1 ? 'flag' : 'flags'} on their posts
            {p.moderation.suspendedUntil && <> · suspended until {new Date(p.moderation.suspendedUntil).toLocaleString()}</>}
          </p>
          {p.moderation.history.length === 0 ? (
            <p>No decisions yet.</p>
          ) : (
            <ul>
              {p.moderation.history.map((h) => (
                <li key={h.id}>
                  {h.action} by {h.actorName ?? 'the system'} · <RelativeTime iso={h.createdAt} />
                  {h.reason && <> · “{h.reason}”</>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
