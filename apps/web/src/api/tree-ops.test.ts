import { describe, expect, it } from 'vitest';
import { makeNode } from '../test/factories';
import { applyNode, applyStrengths, applyVote } from './tree-ops';

const totals = (count: number, sum: number) => ({ count, sum, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': count } });

describe('tree-ops', () => {
  it('keeps the newer of two vote totals, whatever order they arrive in', () => {
    const node = makeNode({ votesVersion: 3, votes: totals(3, 15), strength: 0.7 });
    expect(applyVote([node], node.id, totals(2, 10), 2, 0.6)[0]).toMatchObject({ votesVersion: 3, strength: 0.7 });
    expect(applyVote([node], node.id, totals(4, 20), 4, 0.8)[0]).toMatchObject({ votesVersion: 4, votes: { count: 4 }, strength: 0.8 });
  });

  it('keeps newer totals when an older copy of the node arrives with an edit', () => {
    const node = makeNode({ votesVersion: 5, votes: totals(5, 25), version: 1 });
    const edited = { ...node, text: 'edited', version: 2, votesVersion: 1, votes: totals(1, 5) };
    expect(applyNode([node], edited, null)[0]).toMatchObject({ text: 'edited', votesVersion: 5, votes: { count: 5 } });
  });

  it('applies the strengths an event carries to the nodes on the page only', () => {
    const a = makeNode({ strength: 0.5 });
    const sut = applyStrengths([a], [{ nodeId: a.id, strength: 0.25 }, { nodeId: 'elsewhere', strength: 1 }]);
    expect(sut).toEqual([{ ...a, strength: 0.25 }]);
  });
});
