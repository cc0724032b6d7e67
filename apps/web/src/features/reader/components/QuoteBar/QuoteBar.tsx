import type React from 'react';
import type { ReplyType } from '@agora/shared';
import styles from './QuoteBar.module.css';

interface Props {
  exact: string;
  onChoose: (type: ReplyType) => void;
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
        <button type="button" className={styles.rebut} onMouseDown={keep} onClick={() => onChoose('rebuttal')}>
          Rebut
        </button>
        <button type="button" className={styles.support} onMouseDown={keep} onClick={() => onChoose('support')}>
          Support
        </button>
        <button type="button" data-variant="link" onMouseDown={keep} onClick={onDismiss} aria-label="Dismiss">
          ✕
        </button>
      </span>
    </div>
  );
}
