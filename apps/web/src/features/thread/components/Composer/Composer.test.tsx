import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ArgumentNode } from '@agora/shared';
import { queryKeys } from '../../../../api/query-keys';
import { makeNode, makeTree, makeUser } from '../../../../test/factories';
import { callsTo, mockApi, renderWithProviders } from '../../../../test/render';
import { Composer, lengthNote } from './Composer';

const { articleId, all, claim } = makeTree();
const path = `/api/articles/${articleId}/paragraphs/3/replies`;

function setup(opts: { user?: ReturnType<typeof makeUser> | null; status?: number; answer?: unknown } = {}) {
  const created = makeNode({ type: 'rebuttal', parentId: claim.id, paragraphIndex: 3, text: 'Where is the evidence?' });
  const api = mockApi({ [`POST ${path}`]: (body) => [opts.status ?? 201, opts.answer ?? { ...created, ...(body as object) }] });
  const onDone = vi.fn();
  const user = opts.user === undefined ? makeUser() : opts.user;
  const view = renderWithProviders(
    <Composer target={{ kind: 'paragraph', articleId, paragraphIndex: 3, quote: { exact: 'sectarian violence', prefix: 'the ' } }} onDone={onDone} />,
    { user, signInAs: makeUser({ id: 'late' }) },
  );
  view.client.setQueryData(queryKeys.tree(articleId), all);
  return { api, onDone, created, ...view };
}

describe('Composer', () => {
  it('posts a rebuttal anchored to the paragraph and the quote, then adds it to the tree and clears', async () => {
    const sut = setup();
    expect(screen.getByLabelText('Quoted passage')).toHaveTextContent('sectarian violence');
    await userEvent.click(screen.getByRole('radio', { name: 'Rebut' }));
    const box = screen.getByLabelText('Your rebuttal');
    await userEvent.type(box, 'Where is the evidence?');
    await userEvent.click(screen.getByRole('button', { name: 'Post rebuttal' }));

    await waitFor(() => expect(sut.onDone).toHaveBeenCalledTimes(1));
    expect(callsTo(sut.api, 'POST', path)).toEqual([
      { type: 'rebuttal', text: 'Where is the evidence?', quote: { exact: 'sectarian violence', prefix: 'the ' } },
    ]);
    const tree = sut.client.getQueryData<ArgumentNode[]>(queryKeys.tree(articleId))!;
    expect(tree.map((n) => n.id)).toContain(sut.created.id);
    expect(box).toHaveValue('');
  });

  it('chooses no kind for the reader, and says so, sending nothing, when they post before choosing', async () => {
    const sut = setup();
    expect(screen.getAllByRole('radio').map((r) => [r.getAttribute('value'), (r as HTMLInputElement).checked])).toEqual([
      ['support', false],
      ['rebuttal', false],
      ['comment', false],
    ]);
    await userEvent.type(screen.getByLabelText('Your reply'), 'Hmm.');
    await userEvent.click(screen.getByRole('button', { name: 'Post reply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose whether your reply rebuts, supports or comments');
    expect(screen.getByRole('radio', { name: 'Support' })).toHaveFocus();
    expect(callsTo(sut.api, 'POST', path)).toHaveLength(0);

    await userEvent.click(screen.getByRole('radio', { name: 'Comment' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/does not count toward strength/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    await waitFor(() => expect(callsTo(sut.api, 'POST', path)).toHaveLength(1));
    expect(callsTo(sut.api, 'POST', path)[0]).toMatchObject({ type: 'comment', text: 'Hmm.' });
  });

  it('sends a support when the reader switches the kind', async () => {
    const sut = setup();
    await userEvent.click(screen.getByRole('radio', { name: 'Support' }));
    await userEvent.type(screen.getByLabelText('Your support'), 'Well sourced.');
    await userEvent.click(screen.getByRole('button', { name: 'Post support' }));
    await waitFor(() => expect(callsTo(sut.api, 'POST', path)).toHaveLength(1));
    expect(callsTo(sut.api, 'POST', path)[0]).toMatchObject({ type: 'support', text: 'Well sourced.' });
  });

  it('will not post blank text', async () => {
    const sut = setup();
    await userEvent.click(screen.getByRole('radio', { name: 'Rebut' }));
    const post = screen.getByRole('button', { name: 'Post rebuttal' });
    expect(post).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Your rebuttal'), '   ');
    expect(post).toBeDisabled();
    expect(sut.api).not.toHaveBeenCalled();
  });

  it('asks an anonymous reader to sign in, keeps the draft, and posts it once signed in', async () => {
    const sut = setup({ user: null });
    await userEvent.click(screen.getByRole('radio', { name: 'Rebut' }));
    await userEvent.type(screen.getByLabelText('Your rebuttal'), 'Draft I do not want to lose');
    await userEvent.click(screen.getByRole('button', { name: 'Post rebuttal' }));
    expect(sut.api).not.toHaveBeenCalled();
    expect(screen.getByText(/Your reply is kept/)).toBeInTheDocument();
    expect(screen.getByLabelText('Your rebuttal')).toHaveValue('Draft I do not want to lose');

    await userEvent.type(screen.getByLabelText('Username'), 'newcomer');
    await userEvent.type(screen.getByLabelText('Password'), 'long enough password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(callsTo(sut.api, 'POST', path)).toHaveLength(1));
    expect(callsTo(sut.api, 'POST', path)[0]).toMatchObject({ text: 'Draft I do not want to lose' });
  });

  it('shows the server’s message when the post is refused and keeps the text', async () => {
    setup({ status: 403, answer: { statusCode: 403, error: 'Forbidden', code: 'LOCKED', message: 'This paragraph is locked.' } });
    await userEvent.click(screen.getByRole('radio', { name: 'Rebut' }));
    await userEvent.type(screen.getByLabelText('Your rebuttal'), 'Too late');
    await userEvent.click(screen.getByRole('button', { name: 'Post rebuttal' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This paragraph is locked.');
    expect(screen.getByLabelText('Your rebuttal')).toHaveValue('Too late');
  });

  it('tells the author when the reply awaits review', async () => {
    setup({ answer: makeNode({ status: 'pending', text: 'Spammy?', parentId: claim.id }) });
    await userEvent.click(screen.getByRole('radio', { name: 'Rebut' }));
    await userEvent.type(screen.getByLabelText('Your rebuttal'), 'Spammy?');
    await userEvent.click(screen.getByRole('button', { name: 'Post rebuttal' }));
    expect(await screen.findByText(/once a moderator has reviewed it/)).toBeInTheDocument();
  });
});

describe('lengthNote', () => {
  it('counts quietly, then says what is left, then by how much to shorten', () => {
    expect(lengthNote(10, 100)).toBe('10 / 100');
    expect(lengthNote(95, 100)).toBe('5 characters left of 100.');
    expect(lengthNote(130, 100)).toBe('30 characters too long: shorten it to post (the limit is 100).');
  });
});
