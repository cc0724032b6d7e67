import styles from './StrengthMeter.module.css';

interface Props {
  /** Strength in [0, 1]. */
  value: number;
  /** False until anyone has rated the argument or a reply to it: the value is then only where every argument starts. */
  rated?: boolean;
  label?: string;
  compact?: boolean;
}

/** A bar and a percentage: how strong an argument currently stands, or that nobody has rated it yet. */
export function StrengthMeter({ value, rated = true, label = 'Strength', compact = false }: Props) {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const pct = Math.round(v * 100);
  const level = v >= 0.66 ? 'high' : v >= 0.4 ? 'mid' : 'low';
  if (!rated) {
    return (
      <span className={`${styles.meter} ${compact ? styles.compact : ''}`} data-rated="false">
        <span role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext="not yet rated" className={`${styles.track} ${styles.unrated}`} />
        <span className={styles.value} aria-hidden="true">
          not yet rated
        </span>
      </span>
    );
  }
  return (
    <span className={`${styles.meter} ${compact ? styles.compact : ''}`} data-rated="true">
      <span
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
        className={styles.track}
      >
        <span className={`${styles.fill} ${styles[level]}`} style={{ width: `${pct}%` }} />
      </span>
      <span className={styles.value} aria-hidden="true">
        {pct}%
      </span>
    </span>
  );
}
