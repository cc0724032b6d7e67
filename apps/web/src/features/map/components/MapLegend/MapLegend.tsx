import { STRENGTH_GRADIENT } from '../../lib/strength-colour';
import styles from './MapLegend.module.css';

/** What the map's colours and lines mean. */
export function MapLegend() {
  return (
    <div className={styles.legend} aria-label="Legend" role="group" data-testid="map-legend">
      <span className={styles.scale}>
        <span>Strength</span>
        <span className={styles.gradient} style={{ background: STRENGTH_GRADIENT }} aria-hidden="true" />
        <span className={styles.ends}>
          <span>weak 0%</span>
          <span>50%</span>
          <span>strong 100%</span>
        </span>
      </span>
      <span className={styles.unrated}>
        <span className={styles.swatch} aria-hidden="true" /> not yet rated
      </span>
      <span className={styles.claim}>Claim (blue border)</span>
      <span className={styles.support}>Supports (green border)</span>
      <span className={styles.rebut}>Rebuts (red dashed border)</span>
      <span>Thicker border: stronger</span>
      <span>Purple dashed outline: the groups split over it</span>
      <span>+N: nodes folded beneath</span>
    </div>
  );
}
