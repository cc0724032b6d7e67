import type { Role } from '../../contracts/rest/auth.schema';

/**
 * Trust levels, after Discourse: a new account (young, or with few approved posts) writes less and its
 * flags weigh less; a reader whose flags moderators keep agreeing with weighs more. Auto-review of a
 * post then needs a weighted threshold, so a handful of fresh accounts cannot take a post down.
 */
export type TrustLevel = 'new' | 'member' | 'trusted';

export interface TrustPolicy {
  /** An account younger than this many days, or with fewer approved posts than newAccountPosts, is new. */
  newAccountDays: number;
  newAccountPosts: number;
  /** Old enough and with enough approved posts, a member becomes trusted. */
  trustedDays: number;
  trustedPosts: number;
}

export const DEFAULT_TRUST_POLICY: TrustPolicy = { newAccountDays: 3, newAccountPosts: 3, trustedDays: 30, trustedPosts: 20 };

const DAY_MS = 86_400_000;

export interface TrustFacts {
  role: Role;
  createdAt: Date | string;
  /** The account's posts in public view. */
  approvedPosts: number;
}

export function trustLevel(facts: TrustFacts, policy: TrustPolicy = DEFAULT_TRUST_POLICY, now = new Date()): TrustLevel {
  if (facts.role !== 'participant') return 'trusted';
  const ageDays = (now.getTime() - new Date(facts.createdAt).getTime()) / DAY_MS;
  if (ageDays < policy.newAccountDays || facts.approvedPosts < policy.newAccountPosts) return 'new';
  if (ageDays >= policy.trustedDays && facts.approvedPosts >= policy.trustedPosts) return 'trusted';
  return 'member';
}

/** What a flag weighs before its author's record is known. */
export const LEVEL_FLAG_WEIGHT: Record<TrustLevel, number> = { new: 0.5, member: 1, trusted: 1.5 };
/** A moderator's flag weighs most, whatever their record. */
export const MODERATOR_FLAG_WEIGHT = 2;

/**
 * How often moderators agreed with the reader's past flags, smoothed toward one half (one imagined
 * agreement and one disagreement), so that a first flag or two do not swing it to 0 or 1.
 */
export function flagAccuracy(agreed: number, disagreed: number): number {
  return (Math.max(0, agreed) + 1) / (Math.max(0, agreed) + Math.max(0, disagreed) + 2);
}

export interface FlaggerRecord {
  role: Role;
  level: TrustLevel;
  /** The reader's past flags on posts moderators then hid or removed… */
  agreed: number;
  /** …and on posts they approved or restored. */
  disagreed: number;
}

/**
 * What one flag counts toward the review threshold: the level's weight times twice the reader's
 * accuracy (1 for an unknown record), so a reader always right counts up to twice, one always wrong
 * toward nothing. Rounded to hundredths so that sums compare exactly.
 */
export function flagWeight(r: FlaggerRecord): number {
  if (r.role !== 'participant') return MODERATOR_FLAG_WEIGHT;
  return Math.round(LEVEL_FLAG_WEIGHT[r.level] * 2 * flagAccuracy(r.agreed, r.disagreed) * 100) / 100;
}

/** Whether a public post's open flags, weighed, send it to review. */
export function reachesWeightedThreshold(weights: readonly number[], threshold: number): boolean {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return Math.round(total * 100) >= Math.max(1, threshold) * 100;
}

/** New accounts get this share of the write allowance. */
export const LEVEL_WRITE_SHARE: Record<TrustLevel, number> = { new: 0.5, member: 1, trusted: 1 };

export function writeLimitFor(level: TrustLevel, allowance: number): number {
  return Math.max(1, Math.floor(allowance * LEVEL_WRITE_SHARE[level]));
}
