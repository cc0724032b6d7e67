import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Perspectives } from '@agora/shared';
import { makeNode } from '../../../../test/factories';
import { mockApi, renderWithProviders } from '../../../../test/render';
import { PerspectiveStrength } from '../PerspectiveStrength/PerspectiveStrength';
import { PerspectiveSwitch } from './PerspectiveSwitch';

const articleId = 'a'.repeat(24);
const split = makeNode({ id: 'n'.repeat(24), articleId, strength: 0.5, text: 'The surge worked' });
const onlyA = makeNode({ id: 'm'.repeat(24), articleId, strength: 0.6, text: 'Only A read this' });

const perspectives = (over: Partial<Perspectives> = {}): Perspectives => ({
  version: 3,
  computedAt: '2026-12-06T00:00:00.000Z',
  groups: [
    { id: '1', size: 20, label: 'Group A' },
    { id: '2', size: 18, label: 'Group B' },
  ],
  nodes: {
    [split.id]: { '1': { strength: 0.9, rated: true }, '2': { strength: 0.2, rated: true } },
    [onlyA.id]: { '1': { strength: 0.7, rated: true }, '2': { strength: 0.5, rated: false } },
  },
  disagreement: { [split.id]: 0.7 },
  myGroup: '2',
  ...over,
});

function setup(data: Perspectives = perspectives()) {
  mockApi({ [`GET /api/articles/${articleId}/perspectives`]: () => [200, data] });
  const describe = (id: string) => (id === split.id ? { text: split.text, href: `/articles/${articleId}/nodes/${id}` } : undefined);
  return renderWithProviders(
    <>
      <PerspectiveSwitch articleId={articleId} describe={describe} />
      <PerspectiveStrength articleId={articleId} node={split} label="Strength of the split one" />
      <PerspectiveStrength articleId={articleId} node={onlyA} label="Strength of the other" />
    </>,
  );
}

afterEach(() => sessionStorage.clear());

describe('PerspectiveSwitch', () => {
  it('offers everyone and each group, marks the reader\'s own, and starts on everyone', async () => {
    setup();
    const group = await screen.findByRole('group', { name: 'Perspective' });
    expect(within(group).getByRole('button', { name: 'Everyone' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(group).getByRole('button', { name: 'Group A · 20 readers' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(group).getByRole('button', { name: 'Group B · 18 readers (yours)' })).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Strength of the split one' })).toHaveAttribute('aria-valuenow', '50');
  });

  it('shows each node\'s strength for the chosen group, and says when the group has not rated it', async () => {
    setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Group B · 18 readers (yours)' }));
    expect(screen.getByRole('meter', { name: 'Strength of the split one, for Group B' })).toHaveAttribute('aria-valuenow', '20');
    expect(screen.getByText('Not rated by Group B')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Group A · 20 readers' }));
    expect(screen.getByRole('meter', { name: 'Strength of the split one, for Group A' })).toHaveAttribute('aria-valuenow', '90');
    expect(screen.getByRole('meter', { name: 'Strength of the other, for Group A' })).toHaveAttribute('aria-valuenow', '70');
    await userEvent.click(screen.getByRole('button', { name: 'Everyone' }));
    expect(screen.getByRole('meter', { name: 'Strength of the other' })).toHaveAttribute('aria-valuenow', '60');
  });

  it('names where the groups disagree most and marks the node they split over', async () => {
    setup();
    const list = await screen.findByRole('list', { name: 'Where the groups disagree most' });
    expect(within(list).getByRole('link', { name: 'The surge worked' })).toHaveAttribute('href', `/articles/${articleId}/nodes/${split.id}`);
    expect(within(list).getByText('(70 points apart)')).toBeInTheDocument();
    expect(screen.getByText('Groups split: A 90% · B 20%')).toBeInTheDocument();
  });

  it('says groups will come when there are none yet, and shows everyone\'s strengths', async () => {
    setup(perspectives({ groups: [], nodes: {}, disagreement: {}, myGroup: undefined }));
    expect(await screen.findByText(/Opinion groups appear here once enough readers have voted/)).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Perspective' })).not.toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Strength of the split one' })).toHaveAttribute('aria-valuenow', '50');
  });

  it('falls back to everyone when the chosen group is no longer shown', async () => {
    sessionStorage.setItem(`agora:perspective:${articleId}`, '9');
    setup();
    expect(await screen.findByRole('button', { name: 'Everyone' })).toHaveAttribute('aria-pressed', 'true');
  });
});
