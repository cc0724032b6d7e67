import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ArgumentNode, ArticleDetail, PublicUser } from '@agora/shared';
import { queryKeys } from '../../../../api/query-keys';
import { indexTree } from '../../../../api/tree-ops';
import { makeNode, makeTree, makeUser } from '../../../../test/factories';
import { createTestClient, mockApi, renderWithProviders } from '../../../../test/render';
import { localTime } from '../../hooks/useNodeRefusals';
import { ThreadTree } from '../ThreadTree/ThreadTree';

/** One node shown as a thread shows it, with the article (locked or not) already on the page. */
function setup(node: ArgumentNode, opts: { user?: PublicUser | null; articleLocked?: boolean; above?: ArgumentNode[] } = {}) {
  const t = makeTree();
  mockApi({ [`GET /api/nodes/${node.id}/children`]: () => [200, { items: [], nextCursor: null }] });
  const client = createTestClient();
  const above = opts.above ?? [];
  const all = [...t.all.filter((n) => !above.some((a) => a.id === n.id)), ...above, node];
  client.setQueryData(queryKeys.tree(t.articleId), all);
  client.setQueryData(queryKeys.article(t.articleId), { id: t.articleId, locked: !!opts.articleLocked } as ArticleDetail);
  renderWithProviders(<ThreadTree articleId={t.articleId} index={indexTree(all)} rootId={node.id} includeRoot threadHref={(id) => `/n/${id}`} />, {
    user: opts.user === undefined ? makeUser() : opts.user,
    client,
  });
  const el = document.querySelector<HTMLElement>(`article[data-node-id="${node.id}"]`)!;
  return { t, el, step: (n: number) => within(el).getByRole('button', { name: new RegExp(`^${n} of 5`) }) };
}

const reasonOf = (control: HTMLElement) => document.getElementById(control.getAttribute('aria-describedby') ?? '')?.textContent;
const reply = (el: HTMLElement) => within(el).getByRole('button', { name: 'Reply' });

describe('ThreadNode controls say what the server would say, before any click', () => {
  const { claim } = makeTree();
  const under = { parentId: claim.id, ancestors: [...claim.ancestors, claim.id], depth: claim.depth + 1 };

  it('leaves every control enabled for a reader in good standing', () => {
    const sut = setup(makeNode({ type: 'rebuttal', ...under }));
    expect(reply(sut.el)).toBeEnabled();
    expect(sut.step(3)).toBeEnabled();
    expect(within(sut.el).getByRole('button', { name: 'Flag' })).toBeEnabled();
    expect(sut.el.querySelector('[data-disabled-reason]')).toBeNull();
  });

  it('disables replying, rating and flagging for a suspended reader, saying until when in local time', () => {
    const until = '2031-12-12T14:00:00.000Z';
    const sut = setup(makeNode({ type: 'rebuttal', ...under }), { user: makeUser({ suspendedUntil: until }) });
    const reason = `Your account is suspended until ${localTime(new Date(until))}: you cannot post, vote, flag or edit until then.`;
    for (const control of [reply(sut.el), within(sut.el).getByRole('button', { name: 'Flag' })]) {
      expect(control).toBeDisabled();
      expect(reasonOf(control)).toBe(reason);
    }
    expect(sut.step(4)).toBeDisabled();
    expect(reasonOf(within(sut.el).getByRole('group', { name: /Rate how strong/ }))).toBe(reason);
    // Said once for the three controls.
    expect(within(sut.el).getAllByText(reason)).toHaveLength(1);
  });

  it('disables everything for a banned reader', () => {
    const sut = setup(makeNode({ type: 'support', ...under }), { user: makeUser({ banned: true }) });
    expect(reply(sut.el)).toBeDisabled();
    expect(reasonOf(reply(sut.el))).toMatch(/banned/);
  });

  it('disables replies and votes in a locked article or under a locked argument, but not flags', () => {
    const inLocked = setup(makeNode({ type: 'rebuttal', ...under }), { articleLocked: true });
    expect(reply(inLocked.el)).toBeDisabled();
    expect(reasonOf(reply(inLocked.el))).toBe('This article is locked: no new replies or votes.');
    expect(inLocked.step(2)).toBeDisabled();
    expect(within(inLocked.el).getByRole('button', { name: 'Flag' })).toBeEnabled();
  });

  it('disables a vote on one’s own argument with the reason, and leaves replying to it open', () => {
    const sut = setup(makeNode({ type: 'support', ...under, authorId: 'user-1' }));
    expect(sut.step(5)).toBeDisabled();
    expect(reasonOf(within(sut.el).getByRole('group', { name: /Rate how strong/ }))).toBe('You cannot vote on your own argument.');
    expect(reply(sut.el)).toBeEnabled();
  });

  it('disables editing one’s own argument under a locked one, saying why, and leaves withdrawing it open', () => {
    const lockedClaim = { ...claim, locked: true };
    const sut = setup(makeNode({ type: 'support', ...under, authorId: 'user-1' }), { above: [lockedClaim] });
    const edit = within(sut.el).getByRole('button', { name: 'Edit' });
    expect(edit).toBeDisabled();
    expect(reasonOf(edit)).toBe('This thread is locked: it cannot be edited.');
    expect(reasonOf(reply(sut.el))).toBe('This thread is locked: no new replies or votes.');
    expect(within(sut.el).getByRole('button', { name: 'Withdraw' })).toBeEnabled();
  });

  it('disables replying to and rating a withdrawn argument, saying it was withdrawn', () => {
    const sut = setup(makeNode({ type: 'rebuttal', ...under, withdrawn: true, text: '' }));
    expect(reply(sut.el)).toBeDisabled();
    expect(reasonOf(reply(sut.el))).toMatch(/withdrew this argument/);
    expect(sut.step(1)).toBeDisabled();
  });

  it('lets a signed-out reader try, and asks them to sign in then', async () => {
    const sut = setup(makeNode({ type: 'rebuttal', ...under }), { user: null });
    expect(reply(sut.el)).toBeEnabled();
    await userEvent.click(sut.step(3));
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('ThreadNode for a comment', () => {
  it('labels it a comment, says it weighs nothing, offers no rating, and counts comments beneath', () => {
    const { claim } = makeTree();
    const comment = makeNode({ type: 'comment', parentId: claim.id, ancestors: [...claim.ancestors, claim.id], depth: 2, text: 'Which year?', replyCounts: { support: 1, rebuttal: 0, comment: 2 } });
    const sut = setup(comment);
    expect(within(sut.el).getByText('Comment')).toBeInTheDocument();
    expect(sut.el).toHaveAttribute('aria-label', 'Comment by alice');
    expect(within(sut.el).getByText(/does not count toward strength/)).toBeInTheDocument();
    expect(within(sut.el).queryByRole('group', { name: /Rate how strong/ })).toBeNull();
    expect(within(sut.el).getByText(/1 support · 0 rebuttals · 2 comments/)).toBeInTheDocument();
  });
});

describe('ThreadNode focus', () => {
  it('gives focus back to the button that opened a panel when it closes', async () => {
    const { claim } = makeTree();
    const sut = setup(makeNode({ type: 'rebuttal', parentId: claim.id, ancestors: [...claim.ancestors, claim.id], depth: 2 }));
    await userEvent.click(within(sut.el).getByRole('button', { name: 'Flag' }));
    await userEvent.click(within(sut.el).getByRole('button', { name: 'Cancel' }));
    await new Promise((r) => requestAnimationFrame(r));
    expect(within(sut.el).getByRole('button', { name: 'Flag' })).toHaveFocus();

    await userEvent.click(reply(sut.el));
    expect(within(sut.el).getByLabelText('Your reply')).toHaveFocus();
    await userEvent.click(within(sut.el).getByRole('button', { name: 'Cancel' }));
    await new Promise((r) => requestAnimationFrame(r));
    expect(reply(sut.el)).toHaveFocus();
  });
});
