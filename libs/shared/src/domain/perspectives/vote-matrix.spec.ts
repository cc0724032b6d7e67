import { voteMatrix } from './vote-matrix';

describe('voteMatrix limits', () => {
  it('keeps the most active readers and the most voted arguments', () => {
    const votes = [
      ...['x', 'y', 'z'].map((nodeId) => ({ userId: 'busy', nodeId, value: 5 })),
      ...['x', 'y'].map((nodeId) => ({ userId: 'some', nodeId, value: 1 })),
      { userId: 'idle', nodeId: 'x', value: 3 },
    ];
    const sut = voteMatrix(votes, 1, { maxReaders: 2, maxArguments: 2 });
    expect(sut.readers).toEqual(['busy', 'some']);
    expect(sut.nodeIds).toEqual(['x', 'y']);
  });
});
