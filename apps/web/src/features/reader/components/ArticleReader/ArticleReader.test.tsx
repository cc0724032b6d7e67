import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleDetail } from '@agora/shared';
import { applyLiveEvent } from '../../../../api/useLiveArticle';
import { makeNode, makeTree } from '../../../../test/factories';
import { mockApi, renderWithProviders } from '../../../../test/render';
import { ArticleReader } from './ArticleReader';

vi.mock('../../../../api/socket', () => {
  const socket = { connected: false, active: false, on: () => socket, off: () => socket, connect: () => undefined, emit: () => undefined, timeout: () => socket };
  return { getLiveSocket: () => socket };
});

function setup() {
  const t = makeTree();
  const claim2 = makeNode({ type: 'claim', origin: 'article', parentId: t.root.id, paragraphIndex: 1, text: 'Second paragraph', authorId: null });
  const quoted = makeNode({
    type: 'rebuttal',
    parentId: t.claim.id,
    text: 'Quoting you',
    anchor: { exact: 'violence', prefix: 'sectarian ', suffix: ' in Iraq', start: 14, end: 22 },
  });
  const article: ArticleDetail = {
    id: t.articleId,
    title: 'IRAQ: a test',
    slug: 'iraq',
    paragraphCount: 2,
    nodeCount: 7,
    replyCount: 3,
    locked: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    lastActivityAt: '2025-01-01T00:00:00.000Z',
    rootNodeId: t.root.id,
    paragraphs: [
      { index: 0, text: 'The sectarian violence in Iraq grew.', sentences: [], nodeId: t.claim.id },
      { index: 1, text: 'Second paragraph.', sentences: [], nodeId: claim2.id },
    ],
  };
  mockApi({
    [`GET /api/articles/${t.articleId}`]: () => [200, article],
    [`GET /api/articles/${t.articleId}/tree`]: () => [200, { items: [...t.all, claim2, quoted] }],
  });
  const view = renderWithProviders(
    <Routes>
      <Route path="/articles/:id" element={<ArticleReader />} />
    </Routes>,
    { route: `/articles/${t.articleId}` },
  );
  return { ...t, claim2, quoted, ...view };
}

const paragraph = (i: number) => document.querySelector<HTMLElement>(`[data-paragraph-index="${i}"]`)!;

describe('ArticleReader', () => {
  it('renders the article as written, one hook per paragraph, with figures and the live indicator', async () => {
    const sut = setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'IRAQ: a test' })).toBeInTheDocument();
    await waitFor(() => expect(paragraph(0)).toHaveAttribute('data-node-id', sut.claim.id));
    expect(document.querySelectorAll('[data-paragraph-index]')).toHaveLength(2);
    expect(paragraph(0)).toHaveTextContent('The sectarian violence in Iraq grew.');
    expect(within(paragraph(0)).getByText('1 support')).toBeInTheDocument();
    expect(within(paragraph(0)).getByText('2 rebuttals')).toBeInTheDocument();
    expect(screen.getByTestId('live-status')).toHaveTextContent(/Connecting|Live|Reconnecting|Offline/);
  });

  it('highlights quoted passages with <mark>', async () => {
    setup();
    await waitFor(() => expect(paragraph(0).querySelector('mark')).not.toBeNull());
    expect(paragraph(0).querySelector('mark')).toHaveTextContent('violence');
  });

  it('opens a paragraph’s thread on click and shows a live reply there, once', async () => {
    const sut = setup();
    await waitFor(() => expect(paragraph(1)).toHaveAttribute('data-node-id', sut.claim2.id));
    await userEvent.click(within(paragraph(1)).getByText('Second paragraph.'));
    expect(within(paragraph(1)).getByRole('button', { name: 'Close' })).toHaveAttribute('aria-expanded', 'true');

    const reply = makeNode({ type: 'rebuttal', parentId: sut.claim2.id, paragraphIndex: 1, text: '<img src=x onerror="window.__pwned=1"> where?' });
    act(() => {
      applyLiveEvent(sut.client, 'node:created', { articleId: sut.articleId, seq: 1, node: reply }, null);
    });
    await waitFor(() => expect(document.querySelectorAll(`[data-node-id="${reply.id}"]`)).toHaveLength(1));
    expect(document.querySelector(`[data-node-id="${reply.id}"]`)).toHaveTextContent('<img src=x onerror="window.__pwned=1"> where?');
    expect(document.querySelector('img')).toBeNull();
  });

  it('opens with Enter from the keyboard', async () => {
    setup();
    await screen.findByRole('heading', { level: 1 });
    const text = paragraph(1).querySelector<HTMLElement>('[data-paragraph-text]')!;
    text.focus();
    await userEvent.keyboard('{Enter}');
    expect(within(paragraph(1)).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });
});
