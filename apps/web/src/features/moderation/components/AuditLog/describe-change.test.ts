import { describe, expect, it } from 'vitest';
import { describeChange } from './describe-change';

describe('describeChange', () => {
  it('lists only the fields that changed, old to new', () => {
    expect(describeChange({ status: 'visible', flagCount: 2 }, { status: 'hidden', flagCount: 2 })).toBe('status: visible → hidden');
    expect(describeChange({ role: 'participant' }, { role: 'moderator' })).toBe('role: participant → moderator');
  });

  it('shows new fields alone and says nothing without an after', () => {
    expect(describeChange(null, { suspendedUntil: '2030-01-01T00:00:00.000Z' })).toBe('suspendedUntil: 2030-01-01T00:00:00.000Z');
    expect(describeChange({ banned: true }, null)).toBe('');
    expect(describeChange({ banned: false }, { banned: true, suspendedUntil: null })).toBe('banned: false → true');
  });
});
