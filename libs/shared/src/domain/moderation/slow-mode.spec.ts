import { slowModeWait } from './slow-mode';

describe('slowModeWait', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);

  it('asks for the rest of the interval since the reader’s last reply, rounded up', () => {
    expect(slowModeWait(ago(10), 60, now)).toBe(50);
    expect(slowModeWait(new Date(now.getTime() - 10_500), 60, now)).toBe(50);
    expect(slowModeWait(ago(59.2), 60, now)).toBe(1);
  });

  it('lets the reader reply once the interval has passed, or when there is no slow mode or earlier reply', () => {
    expect(slowModeWait(ago(60), 60, now)).toBe(0);
    expect(slowModeWait(ago(600), 60, now)).toBe(0);
    expect(slowModeWait(ago(1), 0, now)).toBe(0);
    expect(slowModeWait(null, 60, now)).toBe(0);
  });
});
