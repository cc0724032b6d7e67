import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ArgumentNode } from '@agora/shared';
import { queryKeys } from '../../../../api/query-keys';
import { indexTree } from '../../../../api/tree-ops';
import { applyLiveEvent } from '../../../../api/useLiveArticle';
import { makeNode, makeTree, makeUser } from '../../../../test/factories';
import { callsTo, createTestClient, mockApi, renderWithProviders } from '../../../../test/render';
import { ThreadTree } from './ThreadTree';

/** The tree as the reader shows it: read from the cache, so live events flow through. */
function LiveThread({ articleId, rootId }: { articleId: string; rootId: string }) {
  const q = useQuery<ArgumentNode[]>({ queryKey: queryKeys.tree(articleId), queryFn: () => Promise.resolve([]), staleTime: Infinity });
  return <ThreadTree articleId={articleId} index={indexTree(q.data ?? [])} rootId={rootId} threadHref={(id) => `/n/${id}`} />;
}

function setup(user = makeUser()) {
  const t = makeTree();
  t.rebut.votes = { count: 5, sum: 10, histogram: { '1': 0, '2': 5, '3': 0, '4': 0, '5': 0 } };
  const api = mockApi({
    [`GET /api/nodes/${t.claim.id}/children`]: () => [200, { items: [t.rebut, t.support], nextCursor: null }],
    [`GET /api/nodes/${t.support.id}/children`]: () => [200, { items: [t.nested], nextCursor: null }],
  });
  const client = createTestClient();
  client.setQueryData(queryKeys.tree(t.articleId), t.all);
  const view = renderWithProviders(<LiveThread articleId={t.articleId} rootId={t.claim.id} />, { user, client });
  return { ...t, api, ...view };
}

const nodeEl = (id: string) => document.querySelector<HTMLElement>(`[data-node-id="${id}"]`)!;
const topLevelTexts = () =>
  Array.from(document.querySelectorAll<HTMLElement>('section > ul > li > article')).map((a) => a.querySelector('p')!.textContent);

describe('ThreadTree', () => {
  it('nests replies and tells supports from rebuttals by label, not only colour', () => {
    const sut = setup();
    expect(within(nodeEl(sut.rebut.id)).getByText('Rebuts')).toBeInTheDocument();
    expect(within(nodeEl(sut.support.id)).getByText('Supports')).toBeInTheDocument();
    expect(nodeEl(sut.rebut.id)).toHaveAttribute('data-node-type', 'rebuttal');
    // The nested rebuttal sits inside the support's list item.
    expect(nodeEl(sut.support.id).closest('li')!.contains(nodeEl(sut.nested.id))).toBe(true);
    for (const n of [sut.rebut, sut.support, sut.nested]) expect(document.querySelectorAll(`[data-node-id="${n.id}"]`)).toHaveLength(1);
  });

  it('sorts by strength, by votes and by newest', async () => {
    const sut = setup();
    expect(topLevelTexts()).toEqual(['That is right', 'That is wrong']);
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'votes');
    expect(topLevelTexts()).toEqual(['That is wrong', 'That is right']);
    act(() => {
      applyLiveEvent(sut.client, 'node:created', { articleId: sut.articleId, seq: 1, node: makeNode({ parentId: sut.claim.id, text: 'Brand new', strength: 0.1 }) }, null);
    });
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'new');
    expect(topLevelTexts()).toEqual(['Brand new', 'That is right', 'That is wrong']);
  });

  it('collapses and expands a node’s replies', async () => {
    const sut = setup();
    const toggle = within(nodeEl(sut.support.id).closest('li')!).getByRole('button', { name: 'Hide replies' });
    await userEvent.click(toggle);
    expect(document.querySelector(`[data-node-id="${sut.nested.id}"]`)).toBeNull();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(within(nodeEl(sut.support.id).closest('li')!).getByRole('button', { name: 'Show 1 reply' }));
    expect(nodeEl(sut.nested.id)).toBeInTheDocument();
  });

  it('reads the root’s replies at once and a reply’s only when opened, then says how many are not loaded', async () => {
    const sut = setup();
    await waitFor(() => expect(callsTo(sut.api, 'GET', `/api/nodes/${sut.claim.id}/children`)).toHaveLength(1));
    expect(callsTo(sut.api, 'GET', `/api/nodes/${sut.support.id}/children`)).toHaveLength(0);
    // A reply arrives under the rebuttal, whose replies nobody has opened: it shows there, and the count says there are more.
    act(() => {
      sut.client.setQueryData<ArgumentNode[]>(queryKeys.tree(sut.articleId), (old) =>
        old!.map((n) => (n.id === sut.rebut.id ? { ...n, replyCounts: { support: 2, rebuttal: 1, comment: 0 } } : n)),
      );
      applyLiveEvent(sut.client, 'node:created', { articleId: sut.articleId, seq: 1, node: makeNode({ type: 'support', parentId: sut.rebut.id, text: 'Live one' }) }, null);
    });
    const rebutItem = nodeEl(sut.rebut.id).closest('li')!;
    await waitFor(() => expect(within(rebutItem).getByText('Live one')).toBeInTheDocument());
    expect(within(nodeEl(sut.rebut.id)).getByText('3 supports · 1 rebuttal')).toBeInTheDocument();
    expect(within(rebutItem).getByRole('button', { name: 'Show 3 more replies to this rebuttal' })).toBeInTheDocument();
  });

  it('shows live arrivals in place without losing a half-written reply', async () => {
    const sut = setup();
    await userEvent.click(within(nodeEl(sut.rebut.id)).getByRole('button', { name: 'Reply' }));
    const draft = screen.getByLabelText('Your reply');
    await userEvent.type(draft, 'Half a thought');

    const arrival = makeNode({ type: 'rebuttal', parentId: sut.claim.id, text: 'Posted elsewhere', strength: 0.9 });
    act(() => {
      applyLiveEvent(sut.client, 'node:created', { articleId: sut.articleId, seq: 1, node: arrival }, makeUser());
    });
    // The query cache notifies observers on the next tick.
    await waitFor(() => expect(nodeEl(arrival.id)).toHaveTextContent('Posted elsewhere'));
    expect(screen.getByLabelText('Your reply')).toBe(draft);
    expect(draft).toHaveValue('Half a thought');
    // Strongest first: the new 0.9 rebuttal now leads.
    expect(topLevelTexts()[0]).toBe('Posted elsewhere');
  });

  it('drops a node a moderator hides, and updates strength live', async () => {
    const sut = setup(makeUser({ id: 'someone-else' }));
    act(() => {
      applyLiveEvent(
        sut.client,
        'node:updated',
        { articleId: sut.articleId, seq: 2, node: { ...sut.rebut, status: 'hidden', text: '', version: 2 }, strengths: [{ nodeId: sut.support.id, strength: 0.12, rated: true }] },
        makeUser(),
      );
    });
    await waitFor(() => expect(document.querySelector(`[data-node-id="${sut.rebut.id}"]`)).toBeNull());
    expect(within(nodeEl(sut.support.id)).getByRole('meter')).toHaveAttribute('aria-valuenow', '12');
  });

  it('offers edit and withdraw on one’s own node only, and flag on others’', () => {
    const sut = setup(makeUser({ id: 'author-1' }));
    const own = within(nodeEl(sut.rebut.id));
    expect(own.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(own.getByRole('button', { name: 'Withdraw' })).toBeInTheDocument();
    expect(own.queryByRole('button', { name: 'Flag' })).toBeNull();
  });
});
