import { DEFAULT_TRUST_POLICY, flagAccuracy, flagWeight, reachesWeightedThreshold, trustLevel, writeLimitFor } from './trust';

const now = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('trustLevel', () => {
  it('is new while young or with few approved posts, trusted when old with many, member between', () => {
    expect(trustLevel({ role: 'participant', createdAt: daysAgo(1), approvedPosts: 50 }, DEFAULT_TRUST_POLICY, now)).toBe('new');
    expect(trustLevel({ role: 'participant', createdAt: daysAgo(100), approvedPosts: 2 }, DEFAULT_TRUST_POLICY, now)).toBe('new');
    expect(trustLevel({ role: 'participant', createdAt: daysAgo(3), approvedPosts: 3 }, DEFAULT_TRUST_POLICY, now)).toBe('member');
    expect(trustLevel({ role: 'participant', createdAt: daysAgo(29), approvedPosts: 40 }, DEFAULT_TRUST_POLICY, now)).toBe('member');
    expect(trustLevel({ role: 'participant', createdAt: daysAgo(30), approvedPosts: 20 }, DEFAULT_TRUST_POLICY, now)).toBe('trusted');
  });

  it('trusts moderators and admins from the start', () => {
    expect(trustLevel({ role: 'moderator', createdAt: now, approvedPosts: 0 }, DEFAULT_TRUST_POLICY, now)).toBe('trusted');
    expect(trustLevel({ role: 'admin', createdAt: now, approvedPosts: 0 }, DEFAULT_TRUST_POLICY, now)).toBe('trusted');
  });

  it('makes nobody new when the policy asks for nothing', () => {
    expect(trustLevel({ role: 'participant', createdAt: now, approvedPosts: 0 }, { ...DEFAULT_TRUST_POLICY, newAccountDays: 0, newAccountPosts: 0 }, now)).toBe('member');
  });
});

describe('flagAccuracy and flagWeight', () => {
  it('starts at one half and moves with moderators’ agreement, never reaching 0 or 1', () => {
    expect(flagAccuracy(0, 0)).toBe(0.5);
    expect(flagAccuracy(8, 0)).toBe(0.9);
    expect(flagAccuracy(0, 8)).toBe(0.1);
    expect(flagAccuracy(-3, -1)).toBe(0.5);
  });

  it('weighs a new account’s first flag half a member’s, and grows with accuracy', () => {
    expect(flagWeight({ role: 'participant', level: 'new', agreed: 0, disagreed: 0 })).toBe(0.5);
    expect(flagWeight({ role: 'participant', level: 'member', agreed: 0, disagreed: 0 })).toBe(1);
    expect(flagWeight({ role: 'participant', level: 'trusted', agreed: 0, disagreed: 0 })).toBe(1.5);
    expect(flagWeight({ role: 'participant', level: 'member', agreed: 8, disagreed: 0 })).toBe(1.8);
    expect(flagWeight({ role: 'participant', level: 'member', agreed: 0, disagreed: 8 })).toBe(0.2);
    expect(flagWeight({ role: 'participant', level: 'new', agreed: 2, disagreed: 0 })).toBe(0.75);
  });

  it('gives a moderator’s flag the most weight whatever their record', () => {
    expect(flagWeight({ role: 'moderator', level: 'trusted', agreed: 0, disagreed: 50 })).toBe(2);
  });
});

describe('reachesWeightedThreshold', () => {
  it('needs more than three fresh accounts to reach a threshold of three', () => {
    expect(reachesWeightedThreshold([0.5, 0.5, 0.5], 3)).toBe(false);
    expect(reachesWeightedThreshold([0.5, 0.5, 0.5, 2], 3)).toBe(true);
    expect(reachesWeightedThreshold([1, 1, 1], 3)).toBe(true);
    expect(reachesWeightedThreshold([1.8, 1.2], 3)).toBe(true);
  });

  it('compares sums of hundredths exactly, and never below one', () => {
    expect(reachesWeightedThreshold([0.1, 0.2, 0.7], 1)).toBe(true);
    expect(reachesWeightedThreshold([0.5], 0)).toBe(false);
    expect(reachesWeightedThreshold([], 1)).toBe(false);
  });
});

describe('writeLimitFor', () => {
  it('halves a new account’s allowance, never below one', () => {
    expect(writeLimitFor('new', 60)).toBe(30);
    expect(writeLimitFor('member', 60)).toBe(60);
    expect(writeLimitFor('trusted', 60)).toBe(60);
    expect(writeLimitFor('new', 1)).toBe(1);
  });
});
