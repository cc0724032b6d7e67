import { campPurity, polarisedPopulation } from '../../testing/polarised-population';
import { matchIds, opinionGroups } from './opinion-groups';
import { silhouette } from './silhouette';
import { voteMatrix } from './vote-matrix';

const ARGUMENTS = Array.from({ length: 30 }, (_, i) => `n${String(i).padStart(2, '0')}`);

describe('voteMatrix', () => {
  it('centres votes, leaves out readers with too few votes and imputes missing votes with the argument mean', () => {
    const sut = voteMatrix(
      [
        { userId: 'u1', nodeId: 'x', value: 5 },
        { userId: 'u1', nodeId: 'y', value: 1 },
        { userId: 'u2', nodeId: 'x', value: 3 },
        { userId: 'u3', nodeId: 'x', value: 4 },
        { userId: 'u3', nodeId: 'y', value: 2 },
      ],
      2,
    );
    expect(sut.readers).toEqual(['u1', 'u3']);
    expect(sut.nodeIds).toEqual(['x', 'y']);
    expect(sut.rows).toEqual([
      [1, -1],
      [0.5, -0.5],
    ]);
    const imputed = voteMatrix([{ userId: 'a', nodeId: 'x', value: 5 }, { userId: 'b', nodeId: 'x', value: 1 }, { userId: 'b', nodeId: 'y', value: 5 }], 1);
    expect(imputed.rows[0]).toEqual([1, 1]);
  });
});

describe('silhouette', () => {
  it('is near 1 for well separated clusters and lower for a clustering that mixes them', () => {
    const points = [[0, 0], [0.1, 0], [0, 0.1], [5, 5], [5.1, 5], [5, 5.1]];
    expect(silhouette(points, [0, 0, 0, 1, 1, 1])).toBeGreaterThan(0.9);
    expect(silhouette(points, [0, 1, 0, 1, 0, 1])).toBeLessThan(0);
  });
});

describe('opinionGroups', () => {
  it('recovers two opposed camps as two groups with at least 90% purity, despite readers voting at random', () => {
    const { votes, camps } = polarisedPopulation(ARGUMENTS);
    const sut = opinionGroups(votes);
    expect(sut.groups).toHaveLength(2);
    expect(campPurity(sut.members, camps)).toBeGreaterThanOrEqual(0.9);
    // Readers voting at random agree with no group, nor with one another enough to form one.
    const placedAtRandom = Object.keys(sut.members).filter((r) => camps[r] === 'random');
    expect(placedAtRandom.length).toBeLessThanOrEqual(2);
    // Each group's profile agrees with its camp: one likes the even arguments, the other the odd ones.
    const groupOfA = sut.members.a0;
    const profileA = sut.groups.find((g) => g.id === groupOfA)!.profile;
    expect(profileA.n00).toBeGreaterThan(0.3);
    expect(profileA.n01).toBeLessThan(-0.3);
  });

  it.each([1, 2, 3, 11, 13, 17, 19, 23])('recovers the two camps from population %i', (seed) => {
    const { votes, camps } = polarisedPopulation(ARGUMENTS, 20, 10, seed);
    const sut = opinionGroups(votes);
    expect(sut.groups).toHaveLength(2);
    expect(campPurity(sut.members, camps)).toBeGreaterThanOrEqual(0.9);
  });

  it('gives the same groups for the same votes', () => {
    const { votes } = polarisedPopulation(ARGUMENTS, 20, 10, 3);
    expect(opinionGroups(votes)).toEqual(opinionGroups([...votes].reverse()));
  });

  it('keeps group ids from one computation to the next, whatever order k-means finds them in', () => {
    const first = opinionGroups(polarisedPopulation(ARGUMENTS, 20, 10, 1).votes);
    const second = opinionGroups(polarisedPopulation(ARGUMENTS, 22, 8, 2).votes, { previous: first.groups });
    expect(second.groups.map((g) => g.id).sort()).toEqual(first.groups.map((g) => g.id).sort());
    // Camp a's readers (the same user ids in both populations) stay in the same group.
    expect(second.members.a0).toBe(first.members.a0);
    expect(second.members.b0).toBe(first.members.b0);
  });

  it('finds no groups among readers who all vote alike, or too few readers', () => {
    const alike = ARGUMENTS.flatMap((nodeId) => Array.from({ length: 10 }, (_, i) => ({ userId: `u${i}`, nodeId, value: 4 })));
    expect(opinionGroups(alike).groups).toEqual([]);
    expect(opinionGroups(polarisedPopulation(ARGUMENTS, 1, 1).votes).groups).toEqual([]);
  });

  it('leaves readers with too few votes out of every group', () => {
    const { votes } = polarisedPopulation(ARGUMENTS);
    const sut = opinionGroups([...votes, { userId: 'newcomer', nodeId: 'n00', value: 5 }]);
    expect(sut.members.newcomer).toBeUndefined();
  });
});

describe('matchIds', () => {
  it('gives each new group the id of the nearest previous one, and the lowest free number to a new group', () => {
    const previous = [{ id: '1', profile: { x: 1, y: -1 } }, { id: '2', profile: { x: -1, y: 1 } }, { id: '3', profile: { x: 0, y: 0 } }];
    const sut = matchIds([{ x: -0.9, y: 0.8 }, { x: 0.9, y: -1 }, { z: 1 }], previous);
    expect(sut).toEqual(['2', '1', '3']);
  });
});
