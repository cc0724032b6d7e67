import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuotedText } from '../../../ui/QuotedText/QuotedText';
import { readSelection } from './useTextSelection';

function paragraphs() {
  const view = render(
    <div data-testid="root">
      <p data-paragraph-text="0">
        <QuotedText text="Alpha beta gamma delta." ranges={[{ start: 6, end: 10 }]} />
      </p>
      <p data-paragraph-text="1">Second one here.</p>
    </div>,
  );
  return view.getByTestId('root');
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return sel;
}

describe('readSelection', () => {
  it('turns a selection across a highlight into a quote with offsets and context', () => {
    const root = paragraphs();
    const p = root.querySelector('[data-paragraph-text="0"]')!;
    const [before, mark, after] = Array.from(p.childNodes);
    // " beta gamma" minus the leading space: starts in the text before the mark, ends after it.
    const sut = readSelection(select(before, 5, after.firstChild ?? after, 6), root);
    expect(mark.textContent).toBe('beta');
    expect(sut).toEqual({ paragraphIndex: 0, start: 6, end: 16, quote: { exact: 'beta gamma', prefix: 'Alpha ', suffix: ' delta.' } });
  });

  it('ignores selections spanning two paragraphs or outside them', () => {
    const root = paragraphs();
    const [a, b] = Array.from(root.querySelectorAll('[data-paragraph-text]'));
    expect(readSelection(select(a.firstChild!, 0, b.firstChild!, 3), root)).toBeNull();
    expect(readSelection(null, root)).toBeNull();
  });
});
