import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleSentence } from '@agora/shared';
import { QuotePicker } from './QuotePicker';
import { moveSpan, sentenceQuote } from './sentence-quote';

const text = 'First one. Second one here. Third and last.';
const sentence = (index: number, start: number, end: number) => ({ index, start, end, text: text.slice(start, end) }) as ArticleSentence;
const paragraph = { index: 2, text, sentences: [sentence(0, 0, 10), sentence(1, 11, 27), sentence(2, 28, 43)] };

describe('sentenceQuote and moveSpan', () => {
  it('quotes whole sentences with the words around them', () => {
    expect(sentenceQuote(paragraph, 1, 1)).toEqual({ exact: 'Second one here.', prefix: 'First one. ', suffix: ' Third and last.' });
    expect(sentenceQuote(paragraph, 0, 2).exact).toBe(text);
  });

  it('moves by one sentence and grows a sentence at a time, never past the paragraph', () => {
    expect(moveSpan({ from: 0, to: 0 }, 'next', 3)).toEqual({ from: 1, to: 1 });
    expect(moveSpan({ from: 0, to: 0 }, 'previous', 3)).toEqual({ from: 0, to: 0 });
    expect(moveSpan({ from: 1, to: 1 }, 'extend-forward', 3)).toEqual({ from: 1, to: 2 });
    expect(moveSpan({ from: 1, to: 2 }, 'extend-forward', 3)).toEqual({ from: 1, to: 2 });
    expect(moveSpan({ from: 1, to: 2 }, 'extend-back', 3)).toEqual({ from: 0, to: 2 });
    expect(moveSpan({ from: 0, to: 2 }, 'next', 3)).toEqual({ from: 2, to: 2 });
  });
});

describe('QuotePicker', () => {
  it('chooses a sentence with the arrow keys, widens it with Shift, and replies quoting it with Enter', async () => {
    const onQuote = vi.fn();
    render(<QuotePicker paragraph={paragraph} onQuote={onQuote} onCancel={() => {}} />);
    const passage = screen.getByText(/Sentence 1 of 3/).closest('blockquote')!;
    expect(passage).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(passage).toHaveTextContent('Sentence 2 of 3 “Second one here.”');
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(passage).toHaveTextContent('Sentences 2 to 3 of 3');
    await userEvent.keyboard('{Enter}');
    expect(onQuote).toHaveBeenCalledWith(expect.objectContaining({ exact: 'Second one here. Third and last.' }));
  });

  it('does the same with buttons, and closes with Escape', async () => {
    const onQuote = vi.fn();
    const onCancel = vi.fn();
    render(<QuotePicker paragraph={paragraph} onQuote={onQuote} onCancel={onCancel} />);
    expect(screen.getByRole('button', { name: 'Previous sentence' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Add the one after' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reply quoting this' }));
    expect(onQuote).toHaveBeenCalledWith(expect.objectContaining({ exact: 'First one. Second one here.' }));
    screen.getByText(/Sentences 1 to 2/).closest('blockquote')!.focus();
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
