import type { ArgumentNode } from '@agora/shared';
import { sortChildren } from './sort-children';

const node = (id: string, over: Partial<ArgumentNode>): ArgumentNode =>
  ({ id, pinned: false, strength: 0.5, votes: { count: 0, sum: 0, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } }, createdAt: '2026-01-01T00:00:00.000Z', ...over }) as ArgumentNode;

describe('sortChildren', () => {
  const weak = node('a', { strength: 0.2, createdAt: '2026-01-03T00:00:00.000Z' });
  const strong = node('b', { strength: 0.9, createdAt: '2026-01-01T00:00:00.000Z', votes: { count: 1, sum: 5, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } } });
  const pinned = node('c', { strength: 0.1, pinned: true, createdAt: '2026-01-02T00:00:00.000Z' });

  it('puts pinned children first, then the strongest', () => {
    expect(sortChildren([weak, strong, pinned], 'strength').map((n) => n.id)).toEqual(['c', 'b', 'a']);
  });

  it('orders by newest and by most votes', () => {
    expect(sortChildren([strong, weak, pinned], 'new').map((n) => n.id)).toEqual(['c', 'a', 'b']);
    expect(sortChildren([weak, strong], 'votes').map((n) => n.id)).toEqual(['b', 'a']);
  });

  it('orders by bridging score when asked, pinned still first', () => {
    const scores: Record<string, number> = { a: 0.7, b: 0.3, c: 0 };
    expect(sortChildren([weak, strong, pinned], 'bridging', (n) => scores[n.id]).map((n) => n.id)).toEqual(['c', 'a', 'b']);
  });

  it('does not change the array it is given', () => {
    const input = [weak, strong];
    sortChildren(input, 'strength');
    expect(input.map((n) => n.id)).toEqual(['a', 'b']);
  });
});
