import { emptyVotes, moveVote } from '@agora/shared';
import { nodeFiguresToSend, strengthsToSend, voteToSend, type Published } from './published-figures';

describe('what live figures are worth sending', () => {
  const published = (entries: Record<string, Published>) => new Map(Object.entries(entries));

  it('sends strengths newer than those already published, and only the newest of each node', () => {
    const sent = strengthsToSend(
      [
        { nodeId: 'a', strength: 0.4, version: 3 },
        { nodeId: 'a', strength: 0.6, version: 5 },
        { nodeId: 'b', strength: 0.7, version: 2 },
        { nodeId: 'c', strength: 0.1, version: 1 },
      ],
      published({ b: { strength: 0.8, strengthVersion: 4, votesVersion: 4 } }),
    );
    expect(sent).toEqual([
      { nodeId: 'a', strength: 0.6, version: 5 },
      { nodeId: 'c', strength: 0.1, version: 1 },
    ]);
  });

  it('drops a vote:changed older than the totals readers have', () => {
    const votes = moveVote(emptyVotes(), null, 4);
    expect(voteToSend({ votes, strength: 0.6, version: 3 }, { strength: 0.6, strengthVersion: 3, votesVersion: 3 })).toBeNull();
    expect(voteToSend({ votes, strength: 0.6, version: 4 }, { strength: 0.5, strengthVersion: 3, votesVersion: 3 })).toEqual({ votes, strength: 0.6, strengthVersion: 4 });
  });

  it('keeps a newer strength already published rather than moving it back with the vote', () => {
    const votes = moveVote(emptyVotes(), null, 2);
    expect(voteToSend({ votes, strength: 0.45, version: 6 }, { strength: 0.3, strengthVersion: 7, votesVersion: 5 })).toEqual({ votes, strength: 0.3, strengthVersion: 7 });
  });

  it('sends everything the first time', () => {
    const votes = moveVote(emptyVotes(), null, 5);
    expect(voteToSend({ votes, strength: 0.7, version: 1 }, undefined)).toEqual({ votes, strength: 0.7, strengthVersion: 1 });
    expect(strengthsToSend([{ nodeId: 'x', strength: 0.5, version: 1 }], new Map())).toHaveLength(1);
  });

  it('records a node:updated as published at its figures version, keeping a newer strength readers have', () => {
    expect(nodeFiguresToSend(0.6, 7, undefined)).toEqual({ strength: 0.6, record: { strength: 0.6, strengthVersion: 7, votesVersion: 7 } });
    expect(nodeFiguresToSend(0.6, 7, { strength: 0.5, strengthVersion: 6, votesVersion: 5 })).toEqual({ strength: 0.6, record: { strength: 0.6, strengthVersion: 7, votesVersion: 7 } });
    expect(nodeFiguresToSend(0.6, 7, { strength: 0.9, strengthVersion: 9, votesVersion: 8 })).toEqual({ strength: 0.9, record: { strength: 0.9, strengthVersion: 9, votesVersion: 8 } });
  });
});
