import { ratedEarlierVersion, readableVersions, type StoredVersion } from './node-history';

describe('readableVersions', () => {
  const author = { id: 'a1', role: 'participant' as const };
  const stranger = { id: 's1', role: 'participant' as const };
  const moderator = { id: 'm1', role: 'moderator' as const };
  const admin = { id: 'x1', role: 'admin' as const };
  const node = { authorId: 'a1', withdrawn: false };
  const versions: StoredVersion[] = [
    { text: 'first, public', writtenAt: '2026-01-01T00:00:00Z', status: 'visible' },
    { text: 'second, held for review', writtenAt: '2026-01-02T00:00:00Z', status: 'pending' },
    { text: 'third, removed', writtenAt: '2026-01-03T00:00:00Z', status: 'removed' },
    { text: 'fourth, from before statuses', writtenAt: new Date('2026-01-04T00:00:00Z') },
  ];

  it('gives readers and anonymous visitors only the texts that were public, newest first', () => {
    for (const reader of [stranger, null]) {
      expect(readableVersions(reader, node, versions)).toEqual([
        { text: 'fourth, from before statuses', writtenAt: '2026-01-04T00:00:00.000Z' },
        { text: 'first, public', writtenAt: '2026-01-01T00:00:00.000Z' },
      ]);
    }
  });

  it('gives the author and moderators the texts held for review, and admins the removed ones too', () => {
    expect(readableVersions(author, node, versions).map((v) => v.text)).toEqual(['fourth, from before statuses', 'second, held for review', 'first, public']);
    expect(readableVersions(moderator, node, versions)).toHaveLength(3);
    expect(readableVersions(admin, node, versions)).toHaveLength(4);
  });

  it('hides a withdrawn node’s earlier texts from everyone but its author and moderators', () => {
    const withdrawn = { ...node, withdrawn: true };
    expect(readableVersions(stranger, withdrawn, versions)).toEqual([]);
    expect(readableVersions(null, withdrawn, versions)).toEqual([]);
    expect(readableVersions(author, withdrawn, versions)).toHaveLength(3);
  });
});

describe('ratedEarlierVersion', () => {
  it('is true only for a vote cast before the node’s last edit', () => {
    expect(ratedEarlierVersion('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).toBe(true);
    expect(ratedEarlierVersion('2026-01-03T00:00:00Z', '2026-01-02T00:00:00Z')).toBe(false);
    expect(ratedEarlierVersion('2026-01-01T00:00:00Z', null)).toBe(false);
    expect(ratedEarlierVersion(null, '2026-01-02T00:00:00Z')).toBe(false);
  });
});
