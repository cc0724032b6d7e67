import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ArticleByline } from './ArticleByline';

const none = { sourceUrl: null, author: null, publishedAt: null, licence: null };

describe('ArticleByline', () => {
  it('shows the author, the day as written, the source and the licence', () => {
    render(<ArticleByline metadata={{ sourceUrl: 'https://www.example.org/news/1', author: 'Jane Roe', publishedAt: '2014-06-20', licence: 'CC BY 4.0' }} />);
    const sut = screen.getByTestId('article-byline');
    expect(sut).toHaveTextContent('By Jane Roe · 20 June 2014 · Source: example.org · Licence: CC BY 4.0');
    expect(sut.querySelector('time')).toHaveAttribute('datetime', '2014-06-20');
    const link = screen.getByRole('link', { name: 'example.org' });
    expect(link).toHaveAttribute('href', 'https://www.example.org/news/1');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  });

  it('renders markup in the fields as text', () => {
    render(<ArticleByline metadata={{ ...none, author: '<img src=x onerror="window.__pwned=1">' }} />);
    expect(screen.getByTestId('article-byline')).toHaveTextContent('By <img src=x onerror="window.__pwned=1">');
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows nothing when nothing is known', () => {
    const { container } = render(<ArticleByline metadata={none} />);
    expect(container).toBeEmptyDOMElement();
  });
});
