import type { ReactNode } from 'react';
import styles from './ErrorNote.module.css';

/** A message about something that failed, announced to screen readers. */
export function ErrorNote({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className={styles.note}>
      {children}
    </p>
  );
}
