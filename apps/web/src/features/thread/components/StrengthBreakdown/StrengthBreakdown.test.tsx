import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { StrengthBreakdown as Breakdown } from '@agora/shared';
import { mockApi, renderWithProviders } from '../../../../test/render';
import { StrengthBreakdown } from './StrengthBreakdown';

const breakdown = (over: Partial<Breakdown> = {}): Breakdown => ({
  nodeId: 'n1',
  strength: 0.56,
  rated: true,
  points: 56,
  own: { count: 12, average: 3.75, points: 70 },
  replies: [
    { nodeId: 'r1', type: 'rebuttal', role: 'attacker', excerpt: 'Both sides coordinated', authorName: 'ann', points: -18, rating: { count: 9, average: 4.5 } },
    { nodeId: 's1', type: 'support', role: 'supporter', excerpt: 'Records show <b>it</b>', authorName: 'bob', points: 4, rating: { count: 2, average: 4 } },
  ],
  others: { count: 3, points: 0 },
  explanation: [],
  ...over,
});

describe('StrengthBreakdown', () => {
  it('says in plain words what rated the node and which replies pulled it, with numbers that add up', async () => {
    mockApi({ 'GET /api/nodes/n1/strength': () => [200, breakdown()] });
    renderWithProviders(<StrengthBreakdown nodeId="n1" strength={0.56} />);
    const panel = await screen.findByRole('region', { name: 'Why this strength' });
    const lines = [...panel.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toEqual([
      'Rated 3.8/5 by 12 readers, which alone gives it 70 points.',
      'Pulled down by “Both sides coordinated” (−18 points, rated 4.5/5 by 9 readers).',
      'Pushed up by “Records show <b>it</b>” (+4 points, rated 4/5 by 2 readers).',
      '3 other replies, each moving it by less than a point: ±0 points together.',
      'In all: 70 − 18 + 4 + 0 = 56%.',
    ]);
    // A reply's words are text, never markup.
    expect(panel.querySelector('b')).toBeNull();
  });

  it('says a node nobody has rated is not yet rated', async () => {
    mockApi({ 'GET /api/nodes/n1/strength': () => [200, breakdown({ rated: false, strength: 0.5, points: 50, own: { count: 0, average: null, points: 50 }, replies: [], others: { count: 0, points: 0 } })] });
    renderWithProviders(<StrengthBreakdown nodeId="n1" strength={0.5} />);
    expect(await screen.findByText(/^Not yet rated: nobody has rated it or any reply to it/)).toBeInTheDocument();
    expect(screen.queryByText(/In all/)).toBeNull();
  });
});
