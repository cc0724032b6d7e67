import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ArgumentNode, ArticleDetail, VoteResponse } from '@agora/shared';
import { queryKeys } from '../../../../api/query-keys';
import { makeNode, makeUser } from '../../../../test/factories';
import { callsTo, createTestClient, mockApi, renderWithProviders } from '../../../../test/render';
import { VoteControl } from './VoteControl';

const votes = (count: number, sum: number) => ({ count, sum, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } });

function setup({ mine = null as number | null, user = makeUser() as ReturnType<typeof makeUser> | null, node = makeNode({ votes: votes(2, 8) }) } = {}) {
  const base = `/api/nodes/${node.id}`;
  const mineUrl = `/api/articles/${node.articleId}/my-votes`;
  const answer = (myVote: number | null, count: number, sum: number): VoteResponse => ({ nodeId: node.id, votes: votes(count, sum), strength: 0.77, rated: true, myVote });
  const api = mockApi({
    [`GET ${mineUrl}`]: () => [200, { votes: mine === null ? { other: 1 } : { [node.id]: mine, other: 1 } }],
    [`PUT ${base}/vote`]: (body) => [200, answer((body as { value: number }).value, 3, 8 + (body as { value: number }).value)],
    [`DELETE ${base}/vote`]: () => [200, answer(null, 2, 8)],
  });
  const view = renderWithProviders(<VoteControl node={node} />, { user });
  view.client.setQueryData(queryKeys.tree(node.articleId), [node]);
  return { api, node, base, mineUrl, user, ...view };
}

const step = (n: number) => screen.getByRole('button', { name: new RegExp(`^${n} of 5`) });

describe('VoteControl', () => {
  it('carries the stable test id and shows the current totals', () => {
    const sut = setup({ user: null });
    expect(screen.getByTestId(`vote-${sut.node.id}`)).toBeInTheDocument();
    expect(screen.getByText(/2 votes, average 4\.0/)).toBeInTheDocument();
  });

  it('shows the reader’s own vote', async () => {
    setup({ mine: 4 });
    await waitFor(() => expect(step(4)).toHaveAttribute('aria-pressed', 'true'));
    expect(step(3)).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText(/yours: 4/)).toBeInTheDocument();
  });

  it('casts a vote and writes the new totals and strength into the tree', async () => {
    const sut = setup();
    await waitFor(() => expect(callsTo(sut.api, 'GET', sut.mineUrl)).toHaveLength(1));
    await userEvent.click(step(2));
    await waitFor(() => expect(step(2)).toHaveAttribute('aria-pressed', 'true'));
    expect(callsTo(sut.api, 'PUT', `${sut.base}/vote`)).toEqual([{ value: 2 }]);
    // The article's own-vote cache now holds it, beside the votes it already had.
    expect(sut.client.getQueryData(queryKeys.myVotes(sut.node.articleId, sut.user!.id))).toEqual({ other: 1, [sut.node.id]: 2 });
    const [node] = sut.client.getQueryData<ArgumentNode[]>(queryKeys.tree(sut.node.articleId))!;
    expect(node.votes.count).toBe(3);
    expect(node.strength).toBe(0.77);
  });

  it('changes a vote, and withdraws it', async () => {
    const sut = setup({ mine: 4 });
    await waitFor(() => expect(step(4)).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(step(5));
    await waitFor(() => expect(step(5)).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(screen.getByRole('button', { name: 'Withdraw vote' }));
    await waitFor(() => expect(callsTo(sut.api, 'DELETE', `${sut.base}/vote`)).toHaveLength(1));
    await waitFor(() => expect(step(5)).toHaveAttribute('aria-pressed', 'false'));
    expect(screen.queryByRole('button', { name: 'Withdraw vote' })).not.toBeInTheDocument();
    expect(sut.client.getQueryData(queryKeys.myVotes(sut.node.articleId, sut.user!.id))).toEqual({ other: 1 });
  });

  it('pressing one’s current vote again withdraws it', async () => {
    const sut = setup({ mine: 3 });
    await waitFor(() => expect(step(3)).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(step(3));
    await waitFor(() => expect(callsTo(sut.api, 'DELETE', `${sut.base}/vote`)).toHaveLength(1));
  });

  it('does not let authors vote on their own argument', () => {
    const user = makeUser({ id: 'me' });
    const sut = setup({ user, node: makeNode({ authorId: 'me' }) });
    for (const n of [1, 2, 3, 4, 5]) expect(step(n)).toBeDisabled();
    expect(within(screen.getByTestId(`vote-${sut.node.id}`)).getByText(/your argument/)).toBeInTheDocument();
    expect(callsTo(sut.api, 'GET', sut.mineUrl)).toHaveLength(0);
  });

  it('asks anonymous readers to sign in instead of voting', async () => {
    const sut = setup({ user: null });
    await userEvent.click(step(5));
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(sut.api).not.toHaveBeenCalled();
  });

  it('asks for the reader’s votes once per article, however many controls show', async () => {
    const a = makeNode({ id: 'a', articleId: 'art' });
    const b = makeNode({ id: 'b', articleId: 'art' });
    const c = makeNode({ id: 'c', articleId: 'art' });
    const api = mockApi({ [`GET /api/articles/art/my-votes`]: () => [200, { votes: { a: 2, c: 5 } }] });
    renderWithProviders(
      <>
        <VoteControl node={a} />
        <VoteControl node={b} />
        <VoteControl node={c} />
      </>,
      { user: makeUser() },
    );
    await waitFor(() => expect(within(screen.getByTestId('vote-c')).getByRole('button', { name: /^5 of 5/ })).toHaveAttribute('aria-pressed', 'true'));
    expect(within(screen.getByTestId('vote-a')).getByRole('button', { name: /^2 of 5/ })).toHaveAttribute('aria-pressed', 'true');
    expect(within(screen.getByTestId('vote-b')).queryByText(/yours/)).not.toBeInTheDocument();
    expect(api).toHaveBeenCalledTimes(1);
    expect(callsTo(api, 'GET', '/api/articles/art/my-votes')).toHaveLength(1);
  });

  it('reads and records the vote on a node the first screen showed there, with no request for the rest', async () => {
    const node = makeNode({ votes: votes(1, 3) });
    const user = makeUser();
    const detail = {
      id: node.articleId,
      rootNodeId: 'root',
      paragraphs: [{ index: 0, text: 'P', sentences: [], nodeId: 'claim', topReplies: [node] }],
      myVotes: { [node.id]: 3 },
    } as unknown as ArticleDetail;
    const api = mockApi({ [`PUT /api/nodes/${node.id}/vote`]: () => [200, { nodeId: node.id, votes: votes(1, 5), strength: 0.6, myVote: 5 }] });
    const client = createTestClient();
    client.setQueryData(queryKeys.article(node.articleId), detail);
    const view = renderWithProviders(<VoteControl node={node} />, { user, client });
    await waitFor(() => expect(step(3)).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(step(5));
    await waitFor(() => expect(step(5)).toHaveAttribute('aria-pressed', 'true'));
    expect(view.client.getQueryData<ArticleDetail>(queryKeys.article(node.articleId))!.myVotes).toEqual({ [node.id]: 5 });
    expect(callsTo(api, 'GET', `/api/articles/${node.articleId}/my-votes`)).toHaveLength(0);
    expect(view.client.getQueryData(queryKeys.myVotes(node.articleId, user.id))).toBeUndefined();
  });

  it('rolls back and explains when the server refuses', async () => {
    const node = makeNode();
    mockApi({
      [`GET /api/articles/${node.articleId}/my-votes`]: () => [200, { votes: {} }],
      [`PUT /api/nodes/${node.id}/vote`]: () => [403, { statusCode: 403, error: 'Forbidden', code: 'SUSPENDED', message: 'Your account is suspended.' }],
    });
    renderWithProviders(<VoteControl node={node} />, { user: makeUser() });
    await userEvent.click(step(4));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your account is suspended.');
    expect(step(4)).toHaveAttribute('aria-pressed', 'false');
  });
});
