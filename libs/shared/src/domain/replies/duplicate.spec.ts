import { DUPLICATE_WINDOW_MS, repeatsSibling } from './duplicate';

describe('repeatsSibling', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  const post = (over: Partial<{ authorId: string; text: string; createdAt: string; withdrawn: boolean }> = {}) => ({
    authorId: 'ann',
    text: 'Both sides  coordinated.',
    createdAt: new Date(now - 60_000).toISOString(),
    ...over,
  });

  it('finds the same words by the same author within a day', () => {
    expect(repeatsSibling([post()], 'ann', ' Both sides coordinated.\n', now)).toBe(true);
  });

  it('lets others say the same, and the author say something else', () => {
    expect(repeatsSibling([post()], 'ben', 'Both sides coordinated.', now)).toBe(false);
    expect(repeatsSibling([post()], 'ann', 'Both sides coordinated, again.', now)).toBe(false);
  });

  it('forgets after the window and ignores withdrawn posts', () => {
    expect(repeatsSibling([post({ createdAt: new Date(now - DUPLICATE_WINDOW_MS - 1).toISOString() })], 'ann', 'Both sides coordinated.', now)).toBe(false);
    expect(repeatsSibling([post({ withdrawn: true })], 'ann', 'Both sides coordinated.', now)).toBe(false);
  });
});
