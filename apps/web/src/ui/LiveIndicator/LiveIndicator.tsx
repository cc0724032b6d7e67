import styles from './LiveIndicator.module.css';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

const LABELS: Record<LiveState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };

/** Whether live updates are flowing, and how many people are reading. */
export function LiveIndicator({ status, viewers }: { status: LiveState; viewers: number | null }) {
  return (
    <span className={styles.wrap}>
      <span data-testid="live-status" data-status={status} className={`${styles.status} ${styles[status]}`} role="status" aria-live="polite">
        <span className={styles.dot} aria-hidden="true" />
        {LABELS[status]}
      </span>
      {viewers !== null && (
        <span className={styles.viewers} data-testid="viewer-count">
          {viewers} {viewers === 1 ? 'reader' : 'readers'}
        </span>
      )}
    </span>
  );
}
