import { Link } from 'react-router-dom';
import type { OpenDispute } from '@agora/shared';
import styles from './OpenDisputes.module.css';

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 50);

/** An article's strongest open disputes: where rated support and attack are both strong and about even. */
export function OpenDisputes({ articleId, disputes }: { articleId: string; disputes: readonly OpenDispute[] }) {
  if (disputes.length === 0) return null;
  return (
    <div className={styles.disputes}>
      <h3 className={styles.heading}>Strongest open disputes</h3>
      <ol className={styles.list} aria-label="Strongest open disputes">
        {disputes.map((d) => {
          const pro = share(d.support, d.support + d.attack);
          return (
            <li key={d.nodeId} className={styles.item} data-node-id={d.nodeId}>
              <Link to={`/articles/${articleId}/nodes/${d.nodeId}`} className={styles.link}>
                {d.paragraphIndex !== null && <span className={styles.where}>Paragraph {d.paragraphIndex + 1}: </span>}
                {d.excerpt || 'A withdrawn or hidden point'}
              </Link>
              <span className={styles.balance} role="img" aria-label={`Support ${pro}%, attack ${100 - pro}% of the rated replies’ weight`}>
                <span className={styles.pro} style={{ width: `${pro}%` }} />
                <span className={styles.con} style={{ width: `${100 - pro}%` }} />
              </span>
              <span className={styles.figures}>
                support {d.support.toFixed(1)} · attack {d.attack.toFixed(1)}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
