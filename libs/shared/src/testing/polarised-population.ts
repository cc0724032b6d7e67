import type { ReaderVote } from '../domain/perspectives/vote-matrix';

/** A small seeded generator (mulberry32): synthetic populations must be the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PolarisedPopulation {
  votes: ReaderVote[];
  /** Each reader's camp: 'a', 'b', or 'random' for those who vote at random. */
  camps: Record<string, 'a' | 'b' | 'random'>;
}

/**
 * Two camps voting oppositely on the same arguments (camp a rates the even ones 4-5 and the odd ones
 * 1-2, camp b the reverse), and readers voting at random: the test population of opinion groups.
 */
export function polarisedPopulation(nodeIds: readonly string[], perCamp = 20, randomReaders = 10, seed = 7): PolarisedPopulation {
  const random = seededRandom(seed);
  const votes: ReaderVote[] = [];
  const camps: PolarisedPopulation['camps'] = {};
  const high = () => 4 + Math.floor(random() * 2);
  const low = () => 1 + Math.floor(random() * 2);
  for (const camp of ['a', 'b'] as const) {
    for (let i = 0; i < perCamp; i++) {
      const userId = `${camp}${i}`;
      camps[userId] = camp;
      nodeIds.forEach((nodeId, n) => {
        // Not everyone votes on everything: missing votes are the normal case.
        if (random() < 0.2) return;
        const likes = (n % 2 === 0) === (camp === 'a');
        votes.push({ userId, nodeId, value: likes ? high() : low() });
      });
    }
  }
  for (let i = 0; i < randomReaders; i++) {
    const userId = `r${i}`;
    camps[userId] = 'random';
    for (const nodeId of nodeIds) if (random() < 0.5) votes.push({ userId, nodeId, value: 1 + Math.floor(random() * 5) });
  }
  return { votes, camps };
}

/** Share of the camp readers placed with the majority of their camp (random readers left out). */
export function campPurity(members: Record<string, string>, camps: PolarisedPopulation['camps']): number {
  const byGroup = new Map<string, Map<string, number>>();
  let total = 0;
  for (const [userId, group] of Object.entries(members)) {
    const camp = camps[userId];
    if (camp === undefined || camp === 'random') continue;
    const counts = byGroup.get(group) ?? new Map<string, number>();
    counts.set(camp, (counts.get(camp) ?? 0) + 1);
    byGroup.set(group, counts);
    total++;
  }
  let majority = 0;
  for (const counts of byGroup.values()) majority += Math.max(...counts.values());
  return total === 0 ? 0 : majority / total;
}
