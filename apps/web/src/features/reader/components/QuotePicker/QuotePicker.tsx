import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleParagraph, Quote } from '@agora/shared';
import { moveSpan, sentenceQuote, type SpanMove } from './sentence-quote';
import styles from './QuotePicker.module.css';

interface Props {
  paragraph: Pick<ArticleParagraph, 'index' | 'text' | 'sentences'>;
  onQuote: (quote: Quote) => void;
  onCancel: () => void;
}

const KEYS: Record<string, { plain: SpanMove; shift: SpanMove }> = {
  ArrowLeft: { plain: 'previous', shift: 'extend-back' },
  ArrowUp: { plain: 'previous', shift: 'extend-back' },
  ArrowRight: { plain: 'next', shift: 'extend-forward' },
  ArrowDown: { plain: 'next', shift: 'extend-forward' },
};

/**
 * Quoting without a mouse: a sentence of the paragraph is chosen with the arrow keys (or the buttons),
 * widened a sentence at a time with Shift and an arrow, and answered with Enter.
 */
export function QuotePicker({ paragraph, onQuote, onCancel }: Props) {
  const [span, setSpan] = useState({ from: 0, to: 0 });
  const passage = useRef<HTMLQuoteElement>(null);
  const count = paragraph.sentences.length;
  const quote = sentenceQuote(paragraph, span.from, span.to);
  const n = paragraph.index + 1;
  const move = (m: SpanMove) => setSpan((s) => moveSpan(s, m, count));

  useEffect(() => passage.current?.focus(), []);

  const onKeyDown = (e: KeyboardEvent) => {
    const keys = KEYS[e.key];
    if (keys) {
      e.preventDefault();
      move(e.shiftKey ? keys.shift : keys.plain);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onQuote(quote);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  const which = span.from === span.to ? `Sentence ${span.from + 1} of ${count}` : `Sentences ${span.from + 1} to ${span.to + 1} of ${count}`;
  return (
    <div className={styles.picker} role="group" aria-label={`Quote sentences of paragraph ${n}`}>
      <p className={styles.help} id={`quote-help-${paragraph.index}`}>
        Arrow keys choose a sentence; Shift with an arrow adds the one before or after; Enter replies quoting it; Escape closes.
      </p>
      <blockquote
        ref={passage}
        className={styles.passage}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-describedby={`quote-help-${paragraph.index}`}
        aria-live="polite"
      >
        <span className={styles.which}>{which}</span> “{quote.exact}”
      </blockquote>
      <div className={styles.buttons}>
        <button type="button" onClick={() => move('previous')} disabled={span.from === 0}>
          Previous sentence
        </button>
        <button type="button" onClick={() => move('next')} disabled={span.to === count - 1}>
          Next sentence
        </button>
        <button type="button" onClick={() => move('extend-back')} disabled={span.from === 0}>
          Add the one before
        </button>
        <button type="button" onClick={() => move('extend-forward')} disabled={span.to === count - 1}>
          Add the one after
        </button>
        <button type="button" data-variant="primary" onClick={() => onQuote(quote)}>
          Reply quoting this
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
