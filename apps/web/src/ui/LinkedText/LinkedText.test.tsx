import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkedText } from './LinkedText';

describe('LinkedText', () => {
  it('makes web addresses links that name their domain and carry no endorsement', () => {
    render(<p>{<LinkedText text="See https://www.example.org/report?id=3 and news.example.com for more." />}</p>);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.example.org/report?id=3', 'http://news.example.com']);
    expect(links[0].getAttribute('rel')).toBe('nofollow ugc noopener noreferrer');
    expect(links[0].textContent).toBe('https://www.example.org/report?id=3 (example.org)');
    expect(screen.getByText(/for more\./)).toBeTruthy();
  });

  it('leaves other schemes and markup as text', () => {
    const { container } = render(<p>{<LinkedText text={'javascript:alert(1) <b>bold</b> mailto:a@b.c'} />}</p>);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toBe('javascript:alert(1) <b>bold</b> mailto:a@b.c');
  });
});
