import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ArticleListItem } from '@agora/shared';
import { mockApi, renderWithProviders } from '../../../../test/render';
import { ArticleList } from './ArticleList';

const item = (over: Partial<ArticleListItem>): ArticleListItem => ({
  id: 'a1',
  title: 'Shorter weeks',
  metadata: { sourceUrl: 'https://www.example.org/weeks', author: 'Jane Roe', publishedAt: '2024-03-01', licence: null },
  slug: 'shorter-weeks',
  paragraphCount: 3,
  nodeCount: 9,
  replyCount: 5,
  locked: false,
  createdAt: '2024-03-02T00:00:00.000Z',
  lastActivityAt: new Date().toISOString(),
  revision: 0,
  revisedAt: null,
  disputes: [{ nodeId: 'n1', excerpt: 'A four-day week keeps output.', paragraphIndex: 0, support: 1.2, attack: 1, score: 1 }],
  ...over,
});

describe('ArticleList', () => {
  it('lists each article with its origin, activity and strongest open disputes', async () => {
    mockApi({ 'GET /api/articles': () => [200, { items: [item({}), item({ id: 'a2', title: 'Quiet one', metadata: { sourceUrl: null, author: null, publishedAt: null, licence: null }, replyCount: 0, disputes: null })] }] });
    renderWithProviders(<ArticleList />);
    const [first, second] = await screen.findAllByRole('listitem').then((items) => items.filter((li) => li.hasAttribute('data-article-id')));
    expect(within(first).getByTestId('article-byline')).toHaveTextContent('By Jane Roe · 1 March 2024 · Source: example.org');
    expect(first).toHaveTextContent(/5 replies · last activity/);
    expect(within(first).getByRole('list', { name: 'Strongest open disputes' })).toHaveTextContent('Paragraph 1: A four-day week keeps output.');
    expect(within(first).getByRole('link', { name: 'Paragraph 1: A four-day week keeps output.' })).toHaveAttribute('href', '/articles/a1/nodes/n1');
    expect(within(second).queryByTestId('article-byline')).toBeNull();
    expect(within(second).queryByRole('list', { name: 'Strongest open disputes' })).toBeNull();
    expect(second).toHaveTextContent(/0 replies/);
  });
});
