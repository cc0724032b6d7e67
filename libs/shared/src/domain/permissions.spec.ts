import { canReadText, canSeeNonPublic, readingRole, type Reader } from './permissions';

const reader = (over: Partial<Reader> = {}): Reader => ({ id: 'u1', role: 'moderator', banned: false, suspendedUntil: null, ...over });
const hidden = { status: 'hidden' as const, authorId: 'someone-else' };

describe('reading rights', () => {
  it('lets a moderator in good standing read hidden text', () => {
    const sut = reader();
    expect(readingRole(sut)).toBe('moderator');
    expect(canReadText(sut, hidden)).toBe(true);
    expect(canSeeNonPublic(sut, hidden)).toBe(true);
  });

  it('reads a banned or suspended moderator as a participant', () => {
    const banned = reader({ banned: true });
    const suspended = reader({ suspendedUntil: new Date(Date.now() + 60_000).toISOString() });
    for (const sut of [banned, suspended]) {
      expect(readingRole(sut)).toBe('participant');
      expect(canReadText(sut, hidden)).toBe(false);
      expect(canSeeNonPublic(sut, hidden)).toBe(false);
    }
  });

  it('gives back the role once a suspension is over, and keeps an author reading their own', () => {
    expect(readingRole(reader({ role: 'admin', suspendedUntil: new Date(Date.now() - 1000).toISOString() }))).toBe('admin');
    expect(canReadText(reader({ banned: true }), { status: 'hidden', authorId: 'u1' })).toBe(true);
    expect(canReadText(reader({ role: 'admin', banned: true }), { status: 'removed', authorId: null })).toBe(false);
  });
});
