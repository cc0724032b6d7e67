import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppealView, Page, QueueItem, UserDossier, UserStanding } from '@agora/shared';
import { makeAuditEntry, makeNode, makeQueueItem, makeUser } from '../../../../test/factories';
import { callsTo, mockApi, renderWithProviders } from '../../../../test/render';
import { actionsFor } from '../ModerationTools/ModerationTools';
import { ModerationPage } from './ModerationPage';

const moderator = makeUser({ id: 'mod-id', username: 'mo', role: 'moderator' });
const page = <T,>(items: T[]): Page<T> => ({ items, nextCursor: null });

const audit = [makeAuditEntry(), makeAuditEntry({ action: 'role', targetType: 'user', targetId: 'ann-id', nodeId: null, articleId: null, excerpt: null, reason: null, reasonCode: null, before: { role: 'participant' }, after: { role: 'moderator' } })];

const appealView: AppealView = {
  id: 'appeal-0',
  decisionId: 'audit-0',
  nodeId: 'f'.repeat(24),
  articleId: 'a'.repeat(24),
  excerpt: 'Buy cheap watches',
  authorId: 'ann-id',
  authorName: 'ann',
  action: 'hide',
  decidedById: 'bo-id',
  decidedByName: 'bo',
  reason: 'Advertising',
  reasonCode: 'spam',
  statement: 'The link is my source.',
  status: 'open',
  resolvedByName: null,
  resolution: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  resolvedAt: null,
};

const ann: UserStanding = { id: 'ann-id', username: 'ann', role: 'participant', createdAt: '2025-01-01T00:00:00.000Z', suspendedUntil: null, suspendReason: null, banned: false, banReason: null };
const dossier: UserDossier = {
  user: ann,
  history: [makeAuditEntry({ action: 'suspend', targetType: 'user', reason: 'cool down', reasonCode: 'abuse' })],
  flags: [{ id: 'flag-1', nodeId: 'f'.repeat(24), articleId: 'a'.repeat(24), reason: 'spam', note: null, username: 'ben', status: 'open', createdAt: '2025-01-01T00:00:00.000Z' }],
  notes: [{ id: 'note-1', userId: 'ann-id', authorId: 'mod-id', authorName: 'mo', text: 'Warned about links.', createdAt: '2025-01-01T00:00:00.000Z' }],
};

function setup({
  queues = {} as Partial<Record<'flagged' | 'pending' | 'hidden', QueueItem[]>>,
  appeals = [] as AppealView[],
  user = moderator as ReturnType<typeof makeUser> | null,
} = {}) {
  const handlers: Parameters<typeof mockApi>[0] = {
    'GET /api/moderation/queue': (_body, url) => [200, page(queues[url.searchParams.get('status') as 'flagged'] ?? [])],
    'GET /api/moderation/audit': () => [200, page(audit)],
    'GET /api/moderation/appeals': () => [200, page(appeals)],
    'GET /api/moderation/users': (_body, url) => [200, page(url.searchParams.get('q') === 'an' ? [ann] : [])],
    'GET /api/moderation/users/ann-id': () => [200, dossier],
    'POST /api/moderation/users/ann-id/notes': (body) => [201, { ...dossier.notes[0], id: 'note-2', text: (body as { text: string }).text }],
    'POST /api/moderation/users/ann-id/suspend': () => [200, makeUser({ id: 'ann-id' })],
  };
  for (const a of appeals) handlers[`POST /api/moderation/appeals/${a.id}`] = () => [200, { ...a, status: 'overturned' }];
  // Each action answers with what it acted on, as the API does.
  for (const { node, author } of Object.values(queues).flat()) {
    for (const path of ['', '/lock', '/pin', '/slow-mode']) handlers[`POST /api/moderation/nodes/${node.id}${path}`] = () => [200, node];
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
    await waitFor(() => expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}`)).toEqual([{ action: 'approve', reason: 'Not spam', reasonCode: 'other' }]));
    expect(await tools.findByRole('status')).toHaveTextContent('Approved.');
  });

  it('asks for a reason before hiding, then hides with the reason and its code, and says so in good English', async () => {
    const item = makeQueueItem();
    const { api } = setup({ queues: { pending: [item] } });
    await userEvent.click(screen.getByRole('tab', { name: 'Pending' }));
    const tools = within(await screen.findByRole('group', { name: 'Moderation' }));
    expect(tools.getAllByRole('button').map((b) => b.textContent)).toEqual(['Approve', 'Hide', 'Remove', 'Lock replies', 'Pin']);
    await userEvent.click(tools.getByRole('button', { name: 'Hide' }));
    expect(await tools.findByRole('alert')).toHaveTextContent('Write a reason first');
    expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}`)).toEqual([]);
    await userEvent.type(tools.getByLabelText('Reason (recorded in the audit log)'), 'Advertising');
    await userEvent.selectOptions(tools.getByLabelText('Reason code'), 'spam');
    await userEvent.click(tools.getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}`)).toEqual([{ action: 'hide', reason: 'Advertising', reasonCode: 'spam' }]));
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
    await waitFor(() => expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}/lock`)).toEqual([{ locked: true, reason: 'heated', reasonCode: 'other' }]));
    await userEvent.click(tools.getByRole('button', { name: 'Pin' }));
    await waitFor(() => expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}/pin`)).toEqual([{ pinned: true, reason: 'heated' }]));

    await userEvent.selectOptions(tools.getByLabelText('Slow mode'), '60');
    await waitFor(() => expect(callsTo(api, 'POST', `/api/moderation/nodes/${item.node.id}/slow-mode`)).toEqual([{ seconds: 60, reason: 'heated' }]));

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

  it('shows the audit log with who, what, whom, a link to the post, the change and why', async () => {
    setup();
    await userEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    const table = await screen.findByRole('table', { name: 'Audit log' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent(/mo.*hide.*ann.*“Buy cheap watches”.*status: visible → hidden.*spam needs a source/);
    expect(within(rows[1]).getByRole('link', { name: '“Buy cheap watches”' })).toHaveAttribute('href', `/articles/${'a'.repeat(24)}/nodes/${'f'.repeat(24)}`);
    expect(rows[2]).toHaveTextContent(/role.*ann.*user.*role: participant → moderator/);
  });

  it('filters the audit log by action, dates, and the moderator or user clicked', async () => {
    const { api } = setup();
    await userEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    await screen.findByRole('table', { name: 'Audit log' });
    await userEvent.selectOptions(screen.getByLabelText('Action'), 'hide');
    await userEvent.click(within(screen.getByRole('table', { name: 'Audit log' })).getAllByRole('button', { name: 'mo' })[0]);
    await userEvent.click(within(screen.getByRole('table', { name: 'Audit log' })).getAllByRole('button', { name: 'ann' })[0]);
    await userEvent.type(screen.getByLabelText('From'), '2025-01-01');
    await waitFor(() => {
      const last = new URL(String(api.mock.calls.filter(([u]) => String(u).includes('/api/moderation/audit')).at(-1)![0]), 'http://localhost').searchParams;
      expect(Object.fromEntries(last)).toEqual({ action: 'hide', actorId: 'mod-id', userId: 'ann-id', from: new Date('2025-01-01T00:00:00').toISOString() });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Stop filtering by moderator mo' }));
    await waitFor(() => {
      const last = new URL(String(api.mock.calls.filter(([u]) => String(u).includes('/api/moderation/audit')).at(-1)![0]), 'http://localhost').searchParams;
      expect(last.get('actorId')).toBeNull();
    });
  });

  it('lists appeals of other moderators’ decisions and decides one with a reason', async () => {
    const appeal = { ...appealView, id: 'appeal-1' };
    const { api } = setup({ appeals: [appeal] });
    await userEvent.click(screen.getByRole('tab', { name: 'Appeals' }));
    const card = within(await screen.findByRole('listitem', { name: 'Appeal by ann' }));
    expect(card.getByText('The link is my source.')).toBeInTheDocument();
    expect(card.getByText(/Hidden by bo \(Spam\): Advertising/)).toBeInTheDocument();
    expect(card.getByRole('button', { name: 'Overturn and restore' })).toBeDisabled();
    await userEvent.type(card.getByLabelText('Reason for your decision'), 'It is a source');
    await userEvent.click(card.getByRole('button', { name: 'Overturn and restore' }));
    await waitFor(() => expect(callsTo(api, 'POST', '/api/moderation/appeals/appeal-1')).toEqual([{ outcome: 'overturn', reason: 'It is a source' }]));
  });

  it('finds users by name in the directory, shows their dossier, keeps a note and suspends from there', async () => {
    const { api } = setup();
    await userEvent.click(screen.getByRole('tab', { name: 'Users' }));
    await userEvent.type(await screen.findByLabelText('Find a user'), 'an');
    await waitFor(() => expect(api.mock.calls.some(([u]) => String(u).endsWith('/api/moderation/users?q=an'))).toBe(true));
    await userEvent.click(await screen.findByRole('button', { name: 'ann' }));
    const dossier = within(await screen.findByRole('region', { name: 'Dossier of ann' }));
    expect(dossier.getByText(/suspend by mo \(abuse\): cool down/)).toBeInTheDocument();
    expect(dossier.getByText('Warned about links.')).toBeInTheDocument();
    expect(dossier.getByText(/Buy cheap watches|spam/)).toBeInTheDocument();
    await userEvent.type(dossier.getByLabelText('New note (moderators only)'), 'Second warning.');
    await userEvent.click(dossier.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(callsTo(api, 'POST', '/api/moderation/users/ann-id/notes')).toEqual([{ text: 'Second warning.' }]));

    const actions = within(dossier.getByRole('group', { name: 'Actions on ann' }));
    await userEvent.click(actions.getByRole('button', { name: 'Suspend' }));
    expect(await actions.findByRole('alert')).toHaveTextContent('Write a reason');
    await userEvent.type(actions.getByLabelText('Reason'), 'Heated thread');
    await userEvent.selectOptions(actions.getByLabelText('Reason code'), 'abuse');
    await userEvent.click(actions.getByRole('button', { name: 'Suspend' }));
    await waitFor(() => expect(callsTo(api, 'POST', '/api/moderation/users/ann-id/suspend')).toHaveLength(1));
    expect(callsTo(api, 'POST', '/api/moderation/users/ann-id/suspend')[0]).toMatchObject({ reason: 'Heated thread', reasonCode: 'abuse' });
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
