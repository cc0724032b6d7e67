import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NodeModeration } from '@agora/shared';
import { makeNode, makeUser } from '../../../../test/factories';
import { callsTo, mockApi, renderWithProviders } from '../../../../test/render';
import { DecisionNotice } from './DecisionNotice';

const decision: NodeModeration = { decisionId: 'd1', action: 'hide', reason: 'Advertising', reasonCode: 'spam', decidedAt: '2025-01-01T00:00:00.000Z', appeal: null };
const author = makeUser({ id: 'ann-id', username: 'ann' });

describe('DecisionNotice', () => {
  it('shows the author why their post was hidden, and sends their appeal once', async () => {
    const node = makeNode({ id: 'n1', status: 'hidden', authorId: 'ann-id', moderation: decision });
    const api = mockApi({ 'POST /api/nodes/n1/appeal': () => [201, { id: 'a1', status: 'open' }] });
    renderWithProviders(<DecisionNotice node={{ ...node, moderation: decision }} own />, { user: author });
    const notice = screen.getByRole('region', { name: 'Moderation decision' });
    expect(notice).toHaveTextContent(/Hidden by a moderator.*Spam.*Reason: Advertising/);
    await userEvent.click(screen.getByRole('button', { name: 'Appeal' }));
    expect(screen.getByRole('button', { name: 'Send appeal' })).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Why should another moderator look again?'), 'The link is my source.');
    await userEvent.click(screen.getByRole('button', { name: 'Send appeal' }));
    await waitFor(() => expect(callsTo(api, 'POST', '/api/nodes/n1/appeal')).toEqual([{ statement: 'The link is my source.' }]));
  });

  it('says where an appeal stands, and offers none to others or twice', () => {
    const node = makeNode({ id: 'n2', status: 'removed', authorId: 'ann-id' });
    const { unmount } = renderWithProviders(<DecisionNotice node={{ ...node, moderation: { ...decision, action: 'remove', appeal: 'upheld' } }} own />, { user: author });
    expect(screen.getByRole('region', { name: 'Moderation decision' })).toHaveTextContent(/Removed by a moderator.*turned down/);
    expect(screen.queryByRole('button', { name: 'Appeal' })).toBeNull();
    unmount();
    renderWithProviders(<DecisionNotice node={{ ...node, moderation: decision }} own={false} />, { user: makeUser({ role: 'moderator' }) });
    expect(screen.queryByRole('button', { name: 'Appeal' })).toBeNull();
    expect(screen.getByText('Reason: Advertising')).toBeInTheDocument();
  });
});
