import type { Role } from '../../contracts/rest/auth.schema';
import type { Actor } from '../permissions';
import { assertMayChangeRole, assertMaySanction, assertSuspensionEnd } from './sanctions';

const actor = (role: Role, id = `${role}-1`): Actor => ({ id, role, suspendedUntil: null, banned: false });
const target = (role: Role, id = `${role}-2`) => ({ id, role });
const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('assertMaySanction', () => {
  it('lets moderators and admins sanction participants', () => {
    expect(codeOf(() => assertMaySanction(actor('moderator'), target('participant')))).toBeNull();
    expect(codeOf(() => assertMaySanction(actor('admin'), target('participant')))).toBeNull();
  });

  it('lets only admins sanction moderators', () => {
    expect(codeOf(() => assertMaySanction(actor('moderator'), target('moderator')))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMaySanction(actor('admin'), target('moderator')))).toBeNull();
  });

  it('protects admins and refuses self-sanction', () => {
    expect(codeOf(() => assertMaySanction(actor('admin'), target('admin')))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMaySanction(actor('moderator', 'same'), target('participant', 'same')))).toBe('FORBIDDEN');
  });

  it('refuses participants and anonymous callers', () => {
    expect(codeOf(() => assertMaySanction(actor('participant'), target('participant')))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMaySanction(null, target('participant')))).toBe('UNAUTHENTICATED');
  });
});

describe('assertMayChangeRole', () => {
  it('is for admins only', () => {
    expect(codeOf(() => assertMayChangeRole(actor('moderator'), target('participant'), 'moderator', 1))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMayChangeRole(actor('admin'), target('participant'), 'moderator', 1))).toBeNull();
  });

  it('keeps the last admin an admin', () => {
    const self = actor('admin', 'a');
    expect(codeOf(() => assertMayChangeRole(self, { id: 'a', role: 'admin' }, 'participant', 1))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMayChangeRole(self, { id: 'a', role: 'admin' }, 'participant', 2))).toBeNull();
    expect(codeOf(() => assertMayChangeRole(self, { id: 'a', role: 'admin' }, 'admin', 1))).toBeNull();
  });
});

describe('assertSuspensionEnd', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  it('accepts a future end and refuses a past one', () => {
    expect(codeOf(() => assertSuspensionEnd(new Date('2030-01-02T00:00:00Z'), now))).toBeNull();
    expect(codeOf(() => assertSuspensionEnd(new Date('2029-12-31T00:00:00Z'), now))).toBe('VALIDATION');
  });
});
