import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ArticleDetail, ArticleSummary, OrphanView } from '@agora/shared';
import { makeNode, makeUser } from '../../../../test/factories';
import { callsTo, mockApi, renderWithProviders } from '../../../../test/render';
import { ModerationPage } from '../ModerationPage/ModerationPage';

const moderator = makeUser({ id: 'mod-id', username: 'mo', role: 'moderator' });
const ARTICLE = 'a'.repeat(24);
const summary = (over: Partial<ArticleSummary>): ArticleSummary => ({
  id: ARTICLE,
  title: 'Bridges and budgets',
  metadata: { sourceUrl: null, author: null, publishedAt: null, licence: null },
  slug: 'bridges',
  paragraphCount: 2,
  nodeCount: 9,
  replyCount: 2,
  locked: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastActivityAt: '2026-01-01T00:00:00.000Z',
  revision: 1,
  revisedAt: '2026-01-02T00:00:00.000Z',
  ...over,
});
const detail: ArticleDetail = {
  ...summary({}),
  rootNodeId: 'r'.repeat(24),
  paragraphs: [
    { index: 0, text: 'The city should rebuild the bridge.', sentences: [], nodeId: 'c'.repeat(24) },
    { index: 1, text: 'A public consultation will open in March.', sentences: [], nodeId: 'd'.repeat(24) },
  ],
};
const orphan: OrphanView = {
  node: makeNode({ id: 'e'.repeat(24), articleId: ARTICLE, text: 'Not in winter.', orphaned: true, anchor: null, paragraphIndex: null, authorName: 'ann' }),
  quote: 'every twenty minutes',
  formerParagraphIndex: 3,
  revision: 1,
};

function setup(orphans: OrphanView[]) {
  const api = mockApi({
    'GET /api/articles': () => [200, { items: [summary({ id: 'b'.repeat(24), title: 'Never revised', revision: 0, revisedAt: null }), summary({})] }],
    [`GET /api/articles/${ARTICLE}`]: () => [200, detail],
    [`GET /api/articles/${ARTICLE}/orphans`]: () => [200, { items: orphans }],
    [`POST /api/articles/${ARTICLE}/orphans/${orphan.node.id}/attach`]: () => [200, { ...orphan.node, orphaned: undefined, paragraphIndex: 1 }],
    'GET /api/moderation/queue': () => [200, { items: [], nextCursor: null }],
  });
  renderWithProviders(<ModerationPage />, { user: moderator });
  return { api };
}

describe('OrphansPanel', () => {
  it('lists a revised article’s orphans with the passage they quoted, and attaches one to a paragraph and passage', async () => {
    const { api } = setup([orphan]);
    await userEvent.click(screen.getByRole('tab', { name: 'Orphans' }));
    const card = (await screen.findByText('Not in winter.')).closest('li')!;
    expect(card).toHaveTextContent('“every twenty minutes”');
    expect(card).toHaveTextContent('orphaned by revision 1 · was on paragraph 4');
    // Only revised articles are offered.
    expect(screen.getByRole('combobox', { name: 'Article' })).toHaveTextContent('Bridges and budgets');
    expect(screen.getByRole('combobox', { name: 'Article' })).not.toHaveTextContent('Never revised');
    const form = within(card);
    await userEvent.selectOptions(form.getByRole('combobox', { name: 'Paragraph' }), '1');
    await userEvent.type(form.getByRole('textbox', { name: 'Passage (optional)' }), 'public consultation');
    await userEvent.click(form.getByRole('button', { name: 'Attach' }));
    await waitFor(() => expect(callsTo(api, 'POST', `/api/articles/${ARTICLE}/orphans/${orphan.node.id}/attach`)).toEqual([{ paragraphIndex: 1, quote: { exact: 'public consultation' } }]));
  });

  it('says so when an article has no orphans', async () => {
    setup([]);
    await userEvent.click(screen.getByRole('tab', { name: 'Orphans' }));
    expect(await screen.findByText('No orphans in this article.')).toBeInTheDocument();
  });
});
