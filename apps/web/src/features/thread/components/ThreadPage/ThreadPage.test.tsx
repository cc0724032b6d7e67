import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { ArticleDetail } from '@agora/shared';
import { makeNode, makeTree } from '../../../../test/factories';
import { callsTo, mockApi, renderWithProviders } from '../../../../test/render';
import { ThreadPage } from './ThreadPage';

vi.mock('../../../../api/socket', () => {
  const socket = { connected: false, active: false, on: () => socket, off: () => socket, connect: () => undefined, emit: () => undefined, timeout: () => socket };
  return { getLiveSocket: () => socket };
});

function setup() {
  const t = makeTree();
  const nested = { ...t.nested, replyCounts: { support: 1, rebuttal: 0, comment: 0 } };
  const deeper = makeNode({ type: 'support', parentId: nested.id, ancestors: [...nested.ancestors, nested.id], text: 'Deeper still' });
  const article = {
    id: t.articleId,
    title: 'IRAQ: a test',
    rootNodeId: t.root.id,
    replyCount: 4,
    paragraphs: [{ index: 0, text: 'The paragraph as written.', sentences: [], nodeId: t.claim.id, replyCounts: t.claim.replyCounts, strength: 0.5, topReplies: [] }],
  } as unknown as ArticleDetail;
  const api = mockApi({
    [`GET /api/articles/${t.articleId}`]: () => [200, article],
    [`GET /api/nodes/${nested.id}`]: () => [200, nested],
    [`GET /api/nodes/${t.support.id}`]: () => [200, t.support],
    [`GET /api/nodes/${nested.id}/children`]: () => [200, { items: [deeper], nextCursor: null }],
  });
  renderWithProviders(
    <Routes>
      <Route path="/articles/:id/nodes/:nodeId" element={<ThreadPage />} />
    </Routes>,
    { route: `/articles/${t.articleId}/nodes/${nested.id}` },
  );
  return { ...t, nested, deeper, api };
}

describe('ThreadPage', () => {
  it('reads the node, the arguments above it and its replies, never the whole tree', async () => {
    const sut = setup();
    await waitFor(() => expect(document.querySelector(`article[data-node-id="${sut.nested.id}"]`)).not.toBeNull());
    await waitFor(() => expect(document.querySelector(`article[data-node-id="${sut.deeper.id}"]`)).not.toBeNull());
    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    expect(crumbs.getAllByRole('link').map((a) => a.textContent)).toEqual(['IRAQ: a test', 'The paragraph as written.', 'That is right']);
    // The claim came with the first screen and the thesis is not shown: neither is read on its own.
    expect(callsTo(sut.api, 'GET', `/api/nodes/${sut.claim.id}`)).toHaveLength(0);
    expect(callsTo(sut.api, 'GET', `/api/nodes/${sut.root.id}`)).toHaveLength(0);
    expect(callsTo(sut.api, 'GET', `/api/articles/${sut.articleId}/tree`)).toHaveLength(0);
  });

  it('says so when the node cannot be read', async () => {
    const t = makeTree();
    mockApi({
      [`GET /api/articles/${t.articleId}`]: () => [200, { id: t.articleId, title: 'T', rootNodeId: t.root.id, paragraphs: [] }],
      [`GET /api/nodes/${t.rebut.id}`]: () => [404, { statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'No such node.' }],
    });
    renderWithProviders(
      <Routes>
        <Route path="/articles/:id/nodes/:nodeId" element={<ThreadPage />} />
      </Routes>,
      { route: `/articles/${t.articleId}/nodes/${t.rebut.id}` },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('No such node.');
  });
});
