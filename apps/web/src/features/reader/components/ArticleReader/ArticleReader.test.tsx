import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { ArgumentNode, ArticleDetail, PublicUser } from '@agora/shared';
import { applyLiveEvent } from '../../../../api/useLiveArticle';
import { makeNode, makeTree, makeUser } from '../../../../test/factories';
import { callsTo, mockApi, renderWithProviders } from '../../../../test/render';
import { ArticleReader } from './ArticleReader';

vi.mock('../../../../api/socket', () => {
  const socket = { connected: false, active: false, on: () => socket, off: () => socket, connect: () => undefined, emit: () => undefined, timeout: () => socket };
  return { getLiveSocket: () => socket };
});

/**
 * Paragraph 0's claim has three replies: the first screen brings the two strongest (one quoting the
 * paragraph), the third comes with the second page of the claim's replies; the support has a reply of
 * its own that loads when it is opened. Paragraph 1 has none yet.
 */
function setup({ user = null as PublicUser | null, locked = false, revised = false } = {}) {
  const t = makeTree();
  // What the first screen tells a signed-in reader: their vote on the support it shows.
  const myVotes = user ? { [t.support.id]: 3 } : undefined;
  const claim2 = makeNode({ type: 'claim', origin: 'article', parentId: t.root.id, paragraphIndex: 1, text: 'Second paragraph', authorId: null, rated: false });
  const quoted = makeNode({
    type: 'rebuttal',
    parentId: t.claim.id,
    text: 'Quoting you',
    strength: 0.6,
    anchor: { exact: 'violence', prefix: 'sectarian ', suffix: ' in Iraq', start: 14, end: 22 },
  });
  const sentence = makeNode({ type: 'support', origin: 'article', parentId: t.claim.id, text: 'The sectarian violence in Iraq grew.', authorId: null });
  const article: ArticleDetail = {
    id: t.articleId,
    title: 'IRAQ: a test',
    metadata: { sourceUrl: 'https://example.org/iraq', author: 'A. Writer', publishedAt: '2014-06-20', licence: 'CC BY 4.0' },
    slug: 'iraq',
    paragraphCount: 2,
    nodeCount: 8,
    replyCount: 4,
    locked,
    createdAt: '2025-01-01T00:00:00.000Z',
    lastActivityAt: '2025-01-01T00:00:00.000Z',
    revision: revised ? 1 : 0,
    revisedAt: revised ? '2026-03-04T10:00:00.000Z' : null,
    rootNodeId: t.root.id,
    paragraphs: [
      {
        index: 0,
        text: 'The sectarian violence in Iraq grew.',
        sentences: [
          { index: 0, text: 'The sectarian violence in Iraq grew.', start: 0, end: 36, role: 'claim', target: null, stance: 'against', attribution: null, hedges: [], question: false, nodeId: t.claim.id },
        ],
        nodeId: t.claim.id,
        replyCounts: { support: 1, rebuttal: 2, comment: 0 },
        strength: 0.45,
        rated: true,
        topReplies: [t.support, quoted],
      },
      { index: 1, text: 'Second paragraph.', sentences: [], nodeId: claim2.id, replyCounts: { support: 0, rebuttal: 0, comment: 0 }, strength: 0.5, rated: false, topReplies: [] },
    ],
    ...(myVotes ? { myVotes } : {}),
  };
  const page = (items: ArgumentNode[], nextCursor: string | null): [number, unknown] => [200, { items, nextCursor }];
  const api = mockApi({
    [`GET /api/articles/${t.articleId}`]: () => [200, article],
    [`GET /api/nodes/${t.claim.id}/children`]: (_b, url) => (url.searchParams.get('cursor') === '3' ? page([t.rebut], null) : page([t.support, quoted, sentence], '3')),
    [`GET /api/nodes/${t.support.id}/children`]: () => page([t.nested], null),
    [`GET /api/nodes/${claim2.id}/children`]: () => page([], null),
    [`GET /api/nodes/${t.claim.id}/strength`]: () => [
      200,
      {
        nodeId: t.claim.id,
        strength: 0.45,
        rated: true,
        points: 45,
        own: { count: 0, average: null, points: 50 },
        replies: [{ nodeId: t.rebut.id, type: 'rebuttal', role: 'attacker', excerpt: 'That is wrong', authorName: 'ann', points: -5, rating: { count: 2, average: 4 } }],
        others: { count: 0, points: 0 },
        explanation: [],
      },
    ],
    [`GET /api/articles/${t.articleId}/revisions/0`]: () => [200, { revision: 0, title: 'IRAQ: a test', createdAt: '2025-01-01T00:00:00.000Z', current: false, text: '', paragraphs: ['The violence in Iraq grew.', 'Gone paragraph.'] }],
    [`GET /api/articles/${t.articleId}/revisions/1`]: () => [200, { revision: 1, title: 'IRAQ: a test', createdAt: '2026-03-04T10:00:00.000Z', current: true, text: '', paragraphs: ['The sectarian violence in Iraq grew.', 'Second paragraph.'] }],
    [`GET /api/articles/${t.articleId}/my-votes`]: () => [200, { votes: { ...myVotes, [t.rebut.id]: 2 } }],
  });
  const view = renderWithProviders(
    <Routes>
      <Route path="/articles/:id" element={<ArticleReader />} />
    </Routes>,
    { route: `/articles/${t.articleId}`, user },
  );
  return { ...t, claim2, quoted, api, ...view };
}

const paragraph = (i: number) => document.querySelector<HTMLElement>(`[data-paragraph-index="${i}"]`)!;
const section = (i: number) => screen.getByRole('region', { name: `Paragraph ${i + 1}` });
const nodeEl = (id: string) => document.querySelector<HTMLElement>(`article[data-node-id="${id}"]`);

describe('ArticleReader', () => {
  it('shows when a revised article was revised and, on demand, what changed word by word', async () => {
    setup({ revised: true });
    const revised = await screen.findByText(/Revised on/);
    expect(revised.querySelector('time')).toHaveAttribute('dateTime', '2026-03-04T10:00:00.000Z');
    expect(revised).toHaveTextContent('(version 2)');
    await userEvent.click(screen.getByRole('button', { name: 'What changed' }));
    const diff = await screen.findByTestId('text-diff');
    expect([...diff.querySelectorAll('ins')].map((e) => e.textContent)).toContain('sectarian ');
    expect([...diff.querySelectorAll('del')].map((e) => e.textContent)).toContain('Gone');
  });

  it('says nothing of revisions for an article never revised', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'IRAQ: a test' })).toBeInTheDocument();
    expect(screen.queryByText(/Revised on/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'What changed' })).toBeNull();
  });

  it('renders the article as written, one hook per paragraph, with figures and the live indicator', async () => {
    const sut = setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'IRAQ: a test' })).toBeInTheDocument();
    await waitFor(() => expect(paragraph(0)).toHaveAttribute('data-node-id', sut.claim.id));
    expect(document.querySelectorAll('[data-paragraph-index]')).toHaveLength(2);
    expect(paragraph(0)).toHaveTextContent('The sectarian violence in Iraq grew.');
    expect(within(paragraph(0)).getByText('1 support')).toBeInTheDocument();
    expect(within(paragraph(0)).getByText('2 rebuttals')).toBeInTheDocument();
    // What each paragraph does for the thesis follows its sentences' roles; without roles, nothing is claimed.
    expect(within(paragraph(0)).getByText('Argues against the thesis')).toHaveAttribute('data-part', 'against');
    expect(paragraph(1).querySelector('[data-part]')).toBeNull();
    expect(within(paragraph(0)).getByRole('meter')).toHaveAttribute('aria-valuetext', '45%');
    // Nobody has rated the second paragraph: it says so instead of showing 50% as if it were a verdict.
    expect(within(paragraph(1)).getByText('not yet rated')).toBeInTheDocument();
    expect(within(paragraph(1)).getByRole('meter')).toHaveAttribute('aria-valuetext', 'not yet rated');
    expect(within(paragraph(1)).queryByText('50%')).toBeNull();
    expect(screen.getByText(/4 replies/)).toBeInTheDocument();
    expect(screen.getByTestId('article-byline')).toHaveTextContent('By A. Writer · 20 June 2014 · Source: example.org · Licence: CC BY 4.0');
    expect(screen.getByTestId('live-status')).toHaveTextContent(/Connecting|Live|Reconnecting|Offline/);
  });

  it('shows each paragraph’s strongest replies from the first screen, without reading the whole tree', async () => {
    const sut = setup();
    await screen.findByRole('region', { name: 'Paragraph 1' });
    const previews = await within(section(0)).findByRole('list', { name: 'Latest replies to paragraph 1' });
    expect(within(previews).getByText('Quoting you')).toBeInTheDocument();
    expect(within(previews).getByText('That is right')).toBeInTheDocument();
    expect(within(section(0)).getByRole('button', { name: 'See all 3 replies' })).toBeInTheDocument();
    // The first screen, and the opinion groups (small, and read on their own): not the tree.
    expect(sut.api.mock.calls.map(([url]) => new URL(String(url), 'http://localhost').pathname).sort()).toEqual([`/api/articles/${sut.articleId}`, `/api/articles/${sut.articleId}/perspectives`]);
    expect(callsTo(sut.api, 'GET', `/api/articles/${sut.articleId}/tree`)).toHaveLength(0);
  });

  it('highlights quoted passages with <mark>', async () => {
    setup();
    await waitFor(() => expect(paragraph(0).querySelector('mark')).not.toBeNull());
    expect(paragraph(0).querySelector('mark')).toHaveTextContent('violence');
  });

  it('loads a paragraph’s replies a page at a time as it is opened, and a reply’s replies when those are', async () => {
    const sut = setup();
    await waitFor(() => expect(paragraph(0)).toHaveAttribute('data-node-id', sut.claim.id));
    await userEvent.click(within(paragraph(0)).getByRole('button', { name: 'Discuss (3)' }));

    const thread = await screen.findByRole('region', { name: 'Discussion of paragraph 1' });
    await waitFor(() => expect(callsTo(sut.api, 'GET', `/api/nodes/${sut.claim.id}/children`)).toHaveLength(1));
    expect(nodeEl(sut.support.id)).not.toBeNull();
    expect(nodeEl(sut.quoted.id)).not.toBeNull();
    expect(nodeEl(sut.rebut.id)).toBeNull();
    // The article's own sentence came with the page, but is listed only on request.
    expect(within(thread).getByLabelText('Show the article’s own 1 sentence')).not.toBeChecked();

    await userEvent.click(within(thread).getByRole('button', { name: 'Show 1 more reply in Discussion of paragraph 1' }));
    await waitFor(() => expect(nodeEl(sut.rebut.id)).not.toBeNull());
    const second = sut.api.mock.calls.map(([url]) => new URL(String(url), 'http://localhost')).filter((u) => u.pathname === `/api/nodes/${sut.claim.id}/children`)[1];
    expect(Object.fromEntries(second.searchParams)).toEqual({ sort: 'strength', cursor: '3', limit: '25' });
    expect(within(thread).queryByRole('button', { name: /more repl/ })).toBeNull();

    // The support's own reply is not loaded until the reader opens it.
    const supportItem = nodeEl(sut.support.id)!.closest('li')!;
    expect(nodeEl(sut.nested.id)).toBeNull();
    expect(callsTo(sut.api, 'GET', `/api/nodes/${sut.support.id}/children`)).toHaveLength(0);
    await userEvent.click(within(supportItem).getByRole('button', { name: 'Show 1 reply' }));
    await waitFor(() => expect(nodeEl(sut.nested.id)).not.toBeNull());
    expect(supportItem.contains(nodeEl(sut.nested.id))).toBe(true);
    expect(callsTo(sut.api, 'GET', `/api/nodes/${sut.support.id}/children`)).toHaveLength(1);
    expect(callsTo(sut.api, 'GET', `/api/articles/${sut.articleId}/tree`)).toHaveLength(0);
  });

  it('shows the reader’s own votes from the first screen, and reads the rest once for replies loaded later', async () => {
    const user = makeUser({ id: 'reader' });
    const sut = setup({ user });
    const mine = (n: ArgumentNode) => screen.getByTestId(`vote-${n.id}`);
    await waitFor(() => expect(paragraph(0)).toHaveAttribute('data-node-id', sut.claim.id));
    await userEvent.click(within(paragraph(0)).getByRole('button', { name: 'Discuss (3)' }));
    await waitFor(() => expect(nodeEl(sut.support.id)).not.toBeNull());
    // The first screen told the reader's votes on the replies it showed: no request is needed for them.
    expect(within(mine(sut.support)).getByText(/yours: 3/)).toBeInTheDocument();
    expect(within(mine(sut.quoted)).queryByText(/yours/)).toBeNull();
    expect(callsTo(sut.api, 'GET', `/api/articles/${sut.articleId}/my-votes`)).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: /^Show 1 more reply/ }));
    await waitFor(() => expect(within(mine(sut.rebut)).getByText(/yours: 2/)).toBeInTheDocument());
    expect(callsTo(sut.api, 'GET', `/api/articles/${sut.articleId}/my-votes`)).toHaveLength(1);
  });

  it('opens a paragraph’s thread on click and shows a live reply there, once', async () => {
    const sut = setup();
    await waitFor(() => expect(paragraph(1)).toHaveAttribute('data-node-id', sut.claim2.id));
    await userEvent.click(within(paragraph(1)).getByText('Second paragraph.'));
    expect(within(paragraph(1)).getByRole('button', { name: 'Close' })).toHaveAttribute('aria-expanded', 'true');

    const reply = makeNode({ type: 'rebuttal', parentId: sut.claim2.id, paragraphIndex: 1, text: '<img src=x onerror="window.__pwned=1"> where?' });
    act(() => {
      applyLiveEvent(sut.client, 'node:created', { articleId: sut.articleId, seq: 1, node: reply, strengths: [{ nodeId: sut.claim2.id, strength: 0.3, rated: true }] }, null);
    });
    await waitFor(() => expect(document.querySelectorAll(`[data-node-id="${reply.id}"]`)).toHaveLength(1));
    expect(document.querySelector(`[data-node-id="${reply.id}"]`)).toHaveTextContent('<img src=x onerror="window.__pwned=1"> where?');
    expect(document.querySelector('img')).toBeNull();
    expect(within(paragraph(1)).getByText('1 rebuttal')).toBeInTheDocument();
    expect(within(paragraph(1)).queryByText('not yet rated')).toBeNull();
    expect(within(paragraph(1)).getByRole('meter')).toHaveAttribute('aria-valuenow', '30');
    expect(screen.getByText(/5 replies/)).toBeInTheDocument();
  });

  it('counts a live reply deep in a thread nobody opened, without adding it to the page', async () => {
    const sut = setup();
    await waitFor(() => expect(paragraph(0)).toHaveAttribute('data-node-id', sut.claim.id));
    const deep = makeNode({ parentId: sut.nested.id, text: 'Deep down' });
    act(() => {
      applyLiveEvent(sut.client, 'node:created', { articleId: sut.articleId, seq: 1, node: deep, strengths: [{ nodeId: sut.claim.id, strength: 0.7, rated: true }] }, null);
    });
    await waitFor(() => expect(within(paragraph(0)).getByRole('meter')).toHaveAttribute('aria-valuenow', '70'));
    expect(screen.getByText(/5 replies/)).toBeInTheDocument();
    expect(document.querySelector(`[data-node-id="${deep.id}"]`)).toBeNull();
  });

  it('explains a paragraph’s strength in plain words from its figures, without opening its discussion', async () => {
    const sut = setup();
    await waitFor(() => expect(paragraph(0)).toHaveAttribute('data-node-id', sut.claim.id));
    await userEvent.click(within(section(0)).getByRole('button', { name: 'Why?' }));
    const panel = await within(section(0)).findByRole('region', { name: 'Why this strength' });
    expect(panel).toHaveTextContent('Nobody has rated it directly, so it starts at 50 points; its replies have been rated.');
    expect(panel).toHaveTextContent('Pulled down by “That is wrong” (−5 points, rated 4/5 by 2 readers).');
    expect(panel).toHaveTextContent('In all: 50 − 5 = 45%.');
    expect(within(section(0)).queryByRole('button', { name: 'Close' })).toBeNull();
  });

  it('opens with Enter from the keyboard', async () => {
    setup();
    await screen.findByRole('heading', { level: 1 });
    const text = paragraph(1).querySelector<HTMLElement>('[data-paragraph-text]')!;
    text.focus();
    await userEvent.keyboard('{Enter}');
    expect(within(paragraph(1)).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('sets the page title to the article’s', async () => {
    setup();
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(document.title).toBe('IRAQ: a test · Agora'));
  });

  it('in a locked article, disables replying to a paragraph and quoting it, and says why', async () => {
    setup({ user: makeUser(), locked: true });
    await screen.findByRole('heading', { level: 1 });
    await userEvent.click(within(section(0)).getByRole('button', { name: /^Discuss/ }));
    const reply = within(section(0)).getByRole('button', { name: 'Reply to this paragraph' });
    expect(reply).toBeDisabled();
    const reason = document.getElementById(reply.getAttribute('aria-describedby')!);
    expect(reason).toHaveTextContent('This article is locked: no new replies or votes.');
    expect(within(section(0)).getByRole('button', { name: 'Quote sentences' })).toBeDisabled();
  });

  it('lets a keyboard reader quote sentences and reply quoting them, and gives focus back when cancelled', async () => {
    setup({ user: makeUser() });
    await screen.findByRole('heading', { level: 1 });
    const quote = within(section(0)).getByRole('button', { name: 'Quote sentences' });
    quote.focus();
    await userEvent.keyboard('{Enter}');
    expect(within(section(0)).getByText(/Sentence 1 of 1/).closest('blockquote')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(section(0)).getByRole('button', { name: 'Quote sentences' })).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Write a reply' });
    expect(within(form).getByLabelText('Quoted passage')).toHaveTextContent('The sectarian violence in Iraq grew.');
    expect(within(form).getByLabelText('Your reply')).toHaveFocus();
  });
});
