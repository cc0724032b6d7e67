import type React from 'react';
import styles from './QuoteBar.module.css';

interface Props {
  exact: string;
  onChoose: () => void;
  onDismiss: () => void;
}

/** Offered under a paragraph when part of it is selected: answer that passage. */
export function QuoteBar({ exact, onChoose, onDismiss }: Props) {
  const short = exact.length > 90 ? `${exact.slice(0, 87)}…` : exact;
  // preventDefault on mousedown keeps the selection alive while the button is pressed.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className={styles.bar} data-quote-bar role="group" aria-label="Reply to the selected passage">
      <span className={styles.quote}>“{short}”</span>
      <span className={styles.buttons}>
        <button type="button" className={styles.reply} onMouseDown={keep} onClick={onChoose}>
          Reply to this passage
        </button>
        <button type="button" data-variant="link" onMouseDown={keep} onClick={onDismiss} aria-label="Dismiss the quote">
          ✕
        </button>
      </span>
    </div>
  );
}
