import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextDiff } from './RevisionDiff';

describe('TextDiff', () => {
  it('marks deleted words and inserted words, keeping the rest as it was', () => {
    render(<TextDiff before="Traffic has doubled since 1990." after="Traffic has more than doubled since 1990." />);
    const diff = screen.getByTestId('text-diff');
    expect(diff).toHaveTextContent('Traffic has more than doubled since 1990.');
    expect([...diff.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['more than ']);
    expect(diff.querySelectorAll('del')).toHaveLength(0);
  });

  it('strikes through what was removed', () => {
    render(<TextDiff before="The ferry runs every twenty minutes." after="The ferry runs." />);
    expect([...screen.getByTestId('text-diff').querySelectorAll('del')].map((e) => e.textContent?.trim())).toEqual(['every twenty minutes']);
  });

  it('renders markup in the text as text, never as HTML', () => {
    render(<TextDiff before="Plain." after={'Plain. <img src=x onerror="alert(1)"> <b>bold</b>'} />);
    const diff = screen.getByTestId('text-diff');
    expect(diff.querySelector('img')).toBeNull();
    expect(diff.querySelector('b')).toBeNull();
    expect(diff).toHaveTextContent('<b>bold</b>');
  });
});
