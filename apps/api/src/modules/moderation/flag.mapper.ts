import type { FlagView } from '@agora/shared';
import type { FlagRecord } from './flag.model';

export function toFlagView(f: FlagRecord): FlagView {
  return {
    id: String(f._id),
    userId: String(f.userId),
    username: f.username ?? null,
    reason: f.reason,
    note: f.note ?? null,
    weight: f.weight ?? 1,
    createdAt: new Date(f.createdAt).toISOString(),
  };
}
