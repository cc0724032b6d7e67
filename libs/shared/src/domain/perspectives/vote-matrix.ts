/** One reader's 1-5 vote on one argument. */
export interface ReaderVote {
  userId: string;
  nodeId: string;
  value: number;
}

/** The readers × arguments matrix, centred to agree (+1) / disagree (−1), missing votes imputed. */
export interface VoteMatrix {
  readers: string[];
  nodeIds: string[];
  /** `rows[r][a]`: reader r's centred vote on argument a, or the argument's mean among readers when missing. */
  rows: number[][];
}

export interface MatrixLimits {
  maxReaders?: number;
  maxArguments?: number;
}

/** A 1-5 vote as agreement: 3 is neutral, 5 full agreement, 1 full disagreement. */
export const centred = (value: number): number => (value - 3) / 2;

/**
 * The matrix of the readers with at least `minVotes` votes (fewer say too little to place a reader) on
 * every argument any of them voted on. A missing vote is imputed with the argument's mean among the
 * readers who voted on it, as Pol.is does, so that it pulls no reader toward either side.
 */
export function voteMatrix(votes: Iterable<ReaderVote>, minVotes: number, limits: MatrixLimits = {}): VoteMatrix {
  const byReader = new Map<string, Map<string, number>>();
  for (const v of votes) {
    const own = byReader.get(v.userId) ?? new Map<string, number>();
    own.set(v.nodeId, centred(v.value));
    byReader.set(v.userId, own);
  }
  // Bounded so that a big debate costs the background job seconds, not minutes: the most active
  // readers and the most voted arguments say the most about the groups.
  const voters = [...byReader.keys()].filter((r) => byReader.get(r)!.size >= minVotes);
  const readers = (voters.length > (limits.maxReaders ?? Infinity) ? voters.sort((a, b) => byReader.get(b)!.size - byReader.get(a)!.size || (a < b ? -1 : 1)).slice(0, limits.maxReaders) : voters).sort();
  const sums = new Map<string, { sum: number; count: number }>();
  for (const r of readers) {
    for (const [nodeId, x] of byReader.get(r)!) {
      const s = sums.get(nodeId) ?? { sum: 0, count: 0 };
      s.sum += x;
      s.count++;
      sums.set(nodeId, s);
    }
  }
  const voted = [...sums.keys()];
  const nodeIds = (voted.length > (limits.maxArguments ?? Infinity) ? voted.sort((a, b) => sums.get(b)!.count - sums.get(a)!.count || (a < b ? -1 : 1)).slice(0, limits.maxArguments) : voted).sort();
  const means = nodeIds.map((id) => sums.get(id)!.sum / sums.get(id)!.count);
  const rows = readers.map((r) => {
    const own = byReader.get(r)!;
    return nodeIds.map((id, a) => own.get(id) ?? means[a]);
  });
  return { readers, nodeIds, rows };
}
