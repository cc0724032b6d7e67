import styles from './StrengthMeter.module.css';

interface Props {
  /** Strength in [0, 1]. */
  value: number;
  label?: string;
  compact?: boolean;
}

/** A bar and a percentage: how strong an argument currently stands. */
export function StrengthMeter({ value, label = 'Strength', compact = false }: Props) {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const pct = Math.round(v * 100);
  const level = v >= 0.66 ? 'high' : v >= 0.4 ? 'mid' : 'low';
  return (
    <span className={`${styles.meter} ${compact ? styles.compact : ''}`}>
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
