import { kmeans } from 'ml-kmeans';
import { PCA } from 'ml-pca';
import { silhouette } from './silhouette';
import { centred, voteMatrix, type ReaderVote } from './vote-matrix';

/** A group's mean agreement (−1..1) on each argument its members voted on: what matches it to the next computation's groups. */
export type GroupProfile = Record<string, number>;

export interface OpinionGroup {
  /** Stable from one computation to the next while the group is recognisably the same. */
  id: string;
  size: number;
  profile: GroupProfile;
}

export interface OpinionGroups {
  groups: OpinionGroup[];
  /** Group id of each reader who was clustered; a secret of the server (see perspectives' privacy). */
  members: Record<string, string>;
}

export interface OpinionGroupOptions {
  /** Readers with fewer votes are not placed in any group. */
  minVotes?: number;
  /** The groups of the previous computation, whose ids are kept for the groups that match them. */
  previous?: readonly Pick<OpinionGroup, 'id' | 'profile'>[];
  /** Seeds k-means, so that one vote matrix always gives the same groups. */
  seed?: number;
}

export const MIN_VOTES_TO_CLUSTER = 5;
/** Bounds of the matrix clustered (see voteMatrix); readers beyond them are in no group. */
const MAX_READERS = 2000;
const MAX_ARGUMENTS = 200;
const K_RANGE = [2, 3, 4, 5] as const;
/** Below this mean silhouette the readers show no group structure worth naming. */
const MIN_SILHOUETTE = 0.25;

/**
 * Opinion groups the way Pol.is finds them: the readers × arguments matrix of votes centred to
 * agree/disagree with missing votes imputed, projected on its first two principal components, and
 * clustered by k-means for k = 2..5, keeping the k with the best silhouette. Deterministic for a seed.
 */
export function opinionGroups(votes: Iterable<ReaderVote>, options: OpinionGroupOptions = {}): OpinionGroups {
  const list = [...votes];
  const matrix = voteMatrix(list, options.minVotes ?? MIN_VOTES_TO_CLUSTER, { maxReaders: MAX_READERS, maxArguments: MAX_ARGUMENTS });
  const none: OpinionGroups = { groups: [], members: {} };
  if (matrix.readers.length < 4 || matrix.nodeIds.length < 2) return none;
  const points = principalPoints(matrix.rows);
  if (!points) return none;

  let best: { labels: number[]; score: number } | null = null;
  for (const k of K_RANGE) {
    if (k >= matrix.readers.length) break;
    const result = kmeans(points, k, { seed: options.seed ?? 42, initialization: 'kmeans++', maxIterations: 200 });
    if (new Set(result.clusters).size < k) continue;
    const score = silhouette(points, result.clusters);
    if (!best || score > best.score + 1e-9) best = { labels: result.clusters, score };
  }
  if (!best || best.score < MIN_SILHOUETTE) return none;

  const labelOf = new Map(matrix.readers.map((r, i) => [r, best.labels[i]]));
  const k = Math.max(...best.labels) + 1;
  const clusterVotes = list.filter((v) => labelOf.has(v.userId)).map((v) => ({ userId: v.userId, label: labelOf.get(v.userId)!, nodeId: v.nodeId, x: centred(v.value) }));
  const profiles = Array.from({ length: k }, (_, label) => meanBy(clusterVotes.filter((v) => v.label === label)));
  // k-means also gathers readers who agree with nobody (voting at random, say) into a cluster of
  // their own: one whose members do not agree with one another is no opinion group.
  const coherent = profiles.map((_, label) => agreementWithin(clusterVotes.filter((v) => v.label === label)) >= MIN_AGREEMENT);
  const kept = profiles.map((_, label) => label).filter((label) => coherent[label]);
  const ids = matchIds(kept.map((label) => profiles[label]), options.previous ?? []);
  const idOf = new Map(kept.map((label, i) => [label, ids[i]]));
  const members: Record<string, string> = {};
  const sizes = new Map<string, number>();
  for (const [r, label] of labelOf) {
    const id = idOf.get(label);
    if (id === undefined) continue;
    members[r] = id;
    sizes.set(id, (sizes.get(id) ?? 0) + 1);
  }
  const groups = kept
    .map((label) => ({ id: idOf.get(label)!, size: sizes.get(idOf.get(label)!) ?? 0, profile: profiles[label] }))
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
  return { groups, members };
}

/** The mean agreement of a group's members with the rest of it below which it is no group (cosine, −1..1). */
const MIN_AGREEMENT = 0.5;

interface CentredVote {
  userId: string;
  nodeId: string;
  x: number;
}

/** Mean agreement on each argument. */
function meanBy(votes: readonly CentredVote[]): GroupProfile {
  const sums = sumsBy(votes);
  return Object.fromEntries([...sums].map(([id, c]) => [id, c.sum / c.count]));
}

function sumsBy(votes: readonly CentredVote[]): Map<string, { sum: number; count: number }> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const v of votes) {
    const cell = sums.get(v.nodeId) ?? { sum: 0, count: 0 };
    cell.sum += v.x;
    cell.count++;
    sums.set(v.nodeId, cell);
  }
  return sums;
}

/**
 * How much a cluster's members agree with one another: the mean cosine between each member's votes
 * and the rest of the cluster's mean votes on the same arguments (leaving the member out, or a
 * member would always agree with itself).
 */
function agreementWithin(votes: readonly CentredVote[]): number {
  const sums = sumsBy(votes);
  const byReader = new Map<string, { dot: number; own: number; rest: number }>();
  for (const v of votes) {
    const cell = sums.get(v.nodeId)!;
    if (cell.count < 2) continue;
    const rest = (cell.sum - v.x) / (cell.count - 1);
    const acc = byReader.get(v.userId) ?? { dot: 0, own: 0, rest: 0 };
    acc.dot += v.x * rest;
    acc.own += v.x * v.x;
    acc.rest += rest * rest;
    byReader.set(v.userId, acc);
  }
  let total = 0;
  for (const acc of byReader.values()) total += acc.own === 0 || acc.rest === 0 ? 0 : acc.dot / Math.sqrt(acc.own * acc.rest);
  return byReader.size === 0 ? 0 : total / byReader.size;
}

/**
 * Each row projected on the first two principal components of the rows. The covariance matrix is
 * built here over typed arrays (ml-matrix's general product took seconds on a big debate's matrix),
 * and ml-pca decomposes it. Null when the rows do not vary.
 */
function principalPoints(rows: readonly number[][]): number[][] | null {
  const n = rows.length;
  const p = rows[0].length;
  const means = new Float64Array(p);
  for (const row of rows) for (let j = 0; j < p; j++) means[j] += row[j] / n;
  const centredRows = rows.map((row) => Float64Array.from(row, (x, j) => x - means[j]));
  const cov = new Float64Array(p * p);
  for (const row of centredRows) {
    for (let i = 0; i < p; i++) {
      const ri = row[i];
      if (ri === 0) continue;
      for (let j = i; j < p; j++) cov[i * p + j] += ri * row[j];
    }
  }
  const covariance = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i <= j ? cov[i * p + j] : cov[j * p + i]) / (n - 1)));
  const pca = new PCA(covariance, { isCovarianceMatrix: true });
  if (pca.getExplainedVariance().every((v) => !(v > 1e-9))) return null;
  const vectors = pca.getEigenvectors();
  const k = Math.min(2, p);
  return centredRows.map((row) => {
    const point: number[] = [];
    for (let c = 0; c < k; c++) {
      let dot = 0;
      for (let j = 0; j < p; j++) dot += row[j] * vectors.get(j, c);
      point.push(dot);
    }
    return point;
  });
}

/** Mean squared difference of two profiles over the arguments both voted on; far apart when none. */
export function profileDistance(a: GroupProfile, b: GroupProfile): number {
  let sum = 0;
  let count = 0;
  for (const id of Object.keys(a)) {
    if (!(id in b)) continue;
    sum += (a[id] - b[id]) ** 2;
    count++;
  }
  return count === 0 ? Infinity : sum / count;
}

/** Beyond this distance a new group is not the old one under another shape (profiles span −1..1). */
const MAX_MATCH_DISTANCE = 0.5;

/**
 * Ids for the new groups: each takes the id of the nearest previous group, nearest pairs first, each
 * previous id used once; a group that matches none gets the lowest number no other group has.
 */
export function matchIds(profiles: readonly GroupProfile[], previous: readonly Pick<OpinionGroup, 'id' | 'profile'>[]): string[] {
  const pairs: { label: number; id: string; d: number }[] = [];
  profiles.forEach((p, label) => previous.forEach((g) => pairs.push({ label, id: g.id, d: profileDistance(p, g.profile) })));
  pairs.sort((a, b) => a.d - b.d || a.label - b.label || (a.id < b.id ? -1 : 1));
  const ids: (string | undefined)[] = new Array(profiles.length).fill(undefined);
  const taken = new Set<string>();
  for (const { label, id, d } of pairs) {
    if (d > MAX_MATCH_DISTANCE || ids[label] !== undefined || taken.has(id)) continue;
    ids[label] = id;
    taken.add(id);
  }
  // A vanished group's number is free again: readers see groups lettered from A, not after every
  // group the first few votes of a debate made up and lost.
  let next = 1;
  return ids.map((id) => {
    if (id !== undefined) return id;
    while (taken.has(String(next))) next++;
    taken.add(String(next));
    return String(next);
  });
}
