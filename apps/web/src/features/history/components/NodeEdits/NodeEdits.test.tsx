import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeNode, makeUser } from '../../../../test/factories';
import { callsTo, mockApi, renderWithProviders } from '../../../../test/render';
import { NodeEdits } from './NodeEdits';

const edited = makeNode({ id: 'b'.repeat(24), editedAt: '2026-01-02T00:00:00.000Z', text: 'Third words', authorId: 'ann-id' });
const history = { nodeId: edited.id, editedAt: edited.editedAt, versions: [{ text: 'Second <b>words</b>', writtenAt: '2026-01-01T12:00:00.000Z' }, { text: 'First words', writtenAt: '2026-01-01T00:00:00.000Z' }] };

describe('NodeEdits', () => {
  it('shows nothing for a node never edited', () => {
    const { container } = renderWithProviders(<NodeEdits node={{ ...edited, editedAt: null }} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('lists the earlier texts, newest first and as plain text, once the reader asks', async () => {
    const api = mockApi({ [`GET /api/nodes/${edited.id}/history`]: () => [200, history] });
    renderWithProviders(<NodeEdits node={edited} />);
    expect(callsTo(api, 'GET', `/api/nodes/${edited.id}/history`)).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: /^edited/ }));
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([expect.stringMatching(/Second <b>words<\/b>$/), expect.stringMatching(/First words$/)]);
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByRole('button', { name: /^edited/ })).toHaveAttribute('aria-expanded', 'true');
  });

  it('tells a reader whose rating predates the edit that they rated an earlier version', async () => {
    const ben = makeUser({ id: 'ben-id' });
    mockApi({
      [`GET /api/articles/${edited.articleId}/my-votes`]: () => [200, { votes: { [edited.id]: 4 } }],
      [`GET /api/nodes/${edited.id}/my-vote`]: () => [200, { value: 4, ratedAt: '2026-01-01T06:00:00.000Z', onEarlierVersion: true }],
    });
    renderWithProviders(<NodeEdits node={edited} />, { user: ben });
    expect(await screen.findByRole('note')).toHaveTextContent('You rated an earlier version');
  });

  it('says nothing of the kind when the rating came after the edit, or to the author', async () => {
    const ben = makeUser({ id: 'ben-id' });
    const api = mockApi({
      [`GET /api/articles/${edited.articleId}/my-votes`]: () => [200, { votes: { [edited.id]: 4 } }],
      [`GET /api/nodes/${edited.id}/my-vote`]: () => [200, { value: 4, ratedAt: '2026-01-03T00:00:00.000Z', onEarlierVersion: false }],
    });
    const { unmount } = renderWithProviders(<NodeEdits node={edited} />, { user: ben });
    await waitFor(() => expect(callsTo(api, 'GET', `/api/nodes/${edited.id}/my-vote`)).toHaveLength(1));
    expect(screen.queryByRole('note')).toBeNull();
    unmount();
    renderWithProviders(<NodeEdits node={edited} />, { user: makeUser({ id: 'ann-id' }) });
    expect(callsTo(api, 'GET', `/api/nodes/${edited.id}/my-vote`)).toHaveLength(1);
  });
});
