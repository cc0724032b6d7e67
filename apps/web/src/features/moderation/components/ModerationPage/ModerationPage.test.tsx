import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Page, QueueItem } from '@agora/shared';
import { makeAuditEntry, makeNode, makeQueueItem, makeUser } from '../../../../test/factories';
import { callsTo, mockApi, renderWithProviders } from '../../../../test/render';
import { actionsFor } from '../ModerationTools/ModerationTools';
import { ModerationPage } from './ModerationPage';

const moderator = makeUser({ id: 'mod-id', username: 'mo', role: 'moderator' });
const page = <T,>(items: T[]): Page<T> => ({ items, nextCursor: null });

const audit = [makeAuditEntry(), makeAuditEntry({ action: 'role', targetType: 'user', reason: null, before: { role: 'participant' }, after: { role: 'moderator' } })];

function setup({ queues = {} as Partial<Record<'flagged' | 'pending' | 'hidden', QueueItem[]>>, user = moderator as ReturnType<typeof makeUser> | null } = {}) {
  const handlers: Parameters<typeof mockApi>[0] = {
    'GET /api/moderation/queue': (_body, url) => [200, page(queues[url.searchParams.get('status') as 'flagged'] ?? [])],
    'GET /api/moderation/audit': () => [200, page(audit)],
  };
  // Each action answers with what it acted on, as the API does.
  for (const { node, author } of Object.values(queues).flat()) {
    for (const path of ['', '/lock', '/pin']) handlers[`POST /api/moderation/nodes/${node.id}${path}`] = () => [200, node];
    if (author) for (const what of ['suspend', 'ban', 'unban']) handlers[`POST /api/moderation/users/${author.id}/${what}`] = () => [200, makeUser({ id: author.id })];
  }
  const api = mockApi(handlers);
  renderWithProviders(<ModerationPage />, { user });
  return { api };
}

const card = (id: string) => document.querySelector<HTMLElement>(`article[data-node-id="${id}"]`)!;

describe('ModerationPage', () => {
  it('shows each flagged post with its flags: reason, who and their note', async () => {
    const item = makeQueueItem({ node: makeNode({ type: 'rebuttal', status: 'visible', text: 'Buy cheap watches', authorId: 'ann-id' }) });
    setup({ queues: { flagged: [item] } });
    expect(await screen.findByText('Buy cheap watches')).toBeInTheDocument();
    const flags = within(card(item.node.id)).getByText('2 flags').closest('details')!;
    expect(flags).toHaveTextContent(/spam by ben/);
    expect(flags).toHaveTextContent(/off-topic by dee.*“not about Iraq”/);
  });

  it('approves a flagged visible post, which dismisses its flags, with the reason typed', async () => {
    const item = makeQueueItem({ node: makeNode({ status: 'visible', authorId: 'ann-id' }) });
    const { api } = setup({ queues: { flagged: [item] } });
    const tools = within(await screen.findByRole('group', { name: 'Moderation' }));
    expect(tools.getAllByRole('button').map((b) => b.textContent)).toEqual(['Approve', 'Hide', 'Remove', 'Lock replies', 'Pin']);
    await userEvent.type(tools.getByLabelText('Reason (recorded in the audit log)'), 'Not spam');
    await userEvent.click(tools.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}`)).toEqual([{ action: 'approve', reason: 'Not spam' }]));
    expect(await tools.findByRole('status')).toHaveTextContent('Approved.');
  });

  it('hides a pending post with a default reason when none is typed, and says so in good English', async () => {
    const item = makeQueueItem();
    const { api } = setup({ queues: { pending: [item] } });
    await userEvent.click(screen.getByRole('tab', { name: 'Pending' }));
    const tools = within(await screen.findByRole('group', { name: 'Moderation' }));
    expect(tools.getAllByRole('button').map((b) => b.textContent)).toEqual(['Approve', 'Hide', 'Remove', 'Lock replies', 'Pin']);
    await userEvent.click(tools.getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}`)).toEqual([{ action: 'hide', reason: 'Moderator decision' }]));
    expect(await tools.findByRole('status')).toHaveTextContent('Hidden.');
  });

  it('locks and pins with the reason, and suspends, bans and unbans the author with theirs', async () => {
    const item = makeQueueItem({ node: makeNode({ status: 'hidden', authorId: 'ann-id' }), author: { id: 'ann-id', username: 'ann', suspendedUntil: null, banned: true } });
    const { api } = setup({ queues: { hidden: [item] } });
    await userEvent.click(screen.getByRole('tab', { name: 'Hidden' }));
    const tools = within(await screen.findByRole('group', { name: 'Moderation' }));
    expect(tools.getAllByRole('button').map((b) => b.textContent)).toEqual(['Remove', 'Restore', 'Lock replies', 'Pin']);
    await userEvent.type(tools.getByLabelText('Reason (recorded in the audit log)'), 'heated');
    await userEvent.click(tools.getByRole('button', { name: 'Lock replies' }));
    await waitFor(() => expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}/lock`)).toEqual([{ locked: true, reason: 'heated' }]));
    await userEvent.click(tools.getByRole('button', { name: 'Pin' }));
    await waitFor(() => expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}/pin`)).toEqual([{ pinned: true, reason: 'heated' }]));

    const who = within(screen.getByRole('group', { name: 'Actions on ann' }));
    expect(who.getByText('banned')).toBeInTheDocument();
    await userEvent.type(who.getByLabelText('Reason'), 'appeal upheld');
    await userEvent.click(who.getByRole('button', { name: 'Unban' }));
    await waitFor(() => expect(callsTo(api, 'POST', '/api/moderation/users/ann-id/unban')).toEqual([{ reason: 'appeal upheld' }]));
    await userEvent.selectOptions(who.getByLabelText('Suspend for'), '7');
    await userEvent.click(who.getByRole('button', { name: 'Suspend' }));
    await waitFor(() => expect(callsTo(api, 'POST', '/api/moderation/users/ann-id/suspend')).toHaveLength(1));
    const [{ until, reason }] = callsTo(api, 'POST', '/api/moderation/users/ann-id/suspend') as { until: string; reason: string }[];
    expect(reason).toBe('appeal upheld');
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await who.findByText('Suspended for 7 days.')).toBeInTheDocument();
  });

  it('shows the audit log with who, what, the change and why', async () => {
    setup();
    await userEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    const table = await screen.findByRole('table', { name: 'Audit log' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent(/mo.*hide.*node.*status: visible → hidden.*needs a source/);
    expect(rows[2]).toHaveTextContent(/role.*user.*role: participant → moderator/);
  });

  it('moves between queues with the arrow keys', async () => {
    setup();
    const flagged = screen.getByRole('tab', { name: 'Flagged' });
    flagged.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Pending' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Pending' })).toHaveFocus();
  });

  it('tells participants and anonymous readers that the desk is not theirs', () => {
    setup({ user: makeUser() });
    expect(screen.getByText(/Only moderators and admins/)).toBeInTheDocument();
  });
});

describe('actionsFor', () => {
  it('offers what the server accepts from each status, without saying the same thing twice', () => {
    expect(actionsFor('pending')).toEqual(['approve', 'hide', 'remove']);
    expect(actionsFor('visible')).toEqual(['hide', 'remove']);
    expect(actionsFor('visible', 2)).toEqual(['approve', 'hide', 'remove']);
    expect(actionsFor('hidden')).toEqual(['remove', 'restore']);
    expect(actionsFor('removed')).toEqual(['restore']);
  });
});
