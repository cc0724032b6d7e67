/**
 * Slow mode: in a thread a moderator has slowed, one reader's replies must be at least `seconds` apart.
 * The seconds a reader must still wait before replying again (0: they may reply now), rounded up.
 */
export function slowModeWait(lastReplyAt: Date | string | null | undefined, seconds: number, now = new Date()): number {
  if (!lastReplyAt || seconds <= 0) return 0;
  const readyAt = new Date(lastReplyAt).getTime() + seconds * 1000;
  return Math.max(0, Math.ceil((readyAt - now.getTime()) / 1000));
}
