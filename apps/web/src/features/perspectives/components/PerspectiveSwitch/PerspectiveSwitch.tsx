import { Link } from 'react-router-dom';
import { usePerspectives } from '../../hooks/usePerspectives';
import styles from './PerspectiveSwitch.module.css';

/** Below this spread between groups' strengths a node is not listed among their disagreements. */
const LISTED_SPREAD = 0.2;
const LISTED = 3;

interface Props {
  articleId: string;
  /** A node's text and where its thread is, for the list of disagreements; nodes not on the page are left out. */
  describe?: (nodeId: string) => { text: string; href: string } | undefined;
}

const excerpt = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/**
 * Switches the strengths shown between everyone's and each opinion group's, and names the arguments
 * the groups weigh most differently.
 */
export function PerspectiveSwitch({ articleId, describe }: Props) {
  const { data, groups, myGroup, chosen, choose } = usePerspectives(articleId);
  if (!data) return null;
  if (groups.length === 0) return <p className={styles.none}>Opinion groups appear here once enough readers have voted.</p>;
  const disagreements = Object.entries(data.disagreement)
    .filter(([, spread]) => spread >= LISTED_SPREAD)
    .sort((a, b) => b[1] - a[1])
    .flatMap(([id, spread]) => {
      const d = describe?.(id);
      return d ? [{ id, spread, ...d }] : [];
    })
    .slice(0, LISTED);

  return (
    <div className={styles.switch}>
      <div role="group" aria-label="Perspective" className={styles.choices}>
        <span className={styles.caption}>Strengths as seen by</span>
        <button type="button" aria-pressed={chosen === null} onClick={() => choose(null)}>
          Everyone
        </button>
        {groups.map((g) => (
          <button key={g.id} type="button" aria-pressed={chosen === g.id} onClick={() => choose(g.id)} data-group-id={g.id}>
            {g.label} · {g.size} readers{g.id === myGroup ? ' (yours)' : ''}
          </button>
        ))}
      </div>
      {disagreements.length > 0 && (
        <div className={styles.disagree}>
          <span className={styles.caption}>The groups disagree most on</span>
          <ol aria-label="Where the groups disagree most">
            {disagreements.map((d) => (
              <li key={d.id}>
                <Link to={d.href}>{excerpt(d.text)}</Link> <span className={styles.spread}>({Math.round(d.spread * 100)} points apart)</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
