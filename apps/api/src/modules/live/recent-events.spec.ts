import type { StoredLiveEvent } from '@agora/shared';
import { RecentEvents } from './recent-events';

const event = (seq: number, articleId = 'a'): StoredLiveEvent => ({ name: 'node:created', payload: { articleId, seq } }) as unknown as StoredLiveEvent;
const seqs = (events: StoredLiveEvent[] | null) => events?.map((e) => e.payload.seq) ?? null;

describe('recent events kept for replays', () => {
  it('serves the events after `since` when it holds every one of them', () => {
    const recent = new RecentEvents(10);
    for (let seq = 5; seq <= 9; seq++) recent.add(event(seq));
    expect(seqs(recent.after('a', 4))).toEqual([5, 6, 7, 8, 9]);
    expect(seqs(recent.after('a', 7))).toEqual([8, 9]);
    expect(seqs(recent.after('a', 8))).toEqual([9]);
  });

  it('leaves it to the log when it does not reach back, has nothing newer yet, or knows nothing of the article', () => {
    const recent = new RecentEvents(10);
    for (let seq = 5; seq <= 9; seq++) recent.add(event(seq));
    expect(recent.after('a', 3)).toBeNull();
    expect(recent.after('a', 9)).toBeNull();
    expect(recent.after('a', 12)).toBeNull();
    expect(recent.after('b', 0)).toBeNull();
  });

  it('starts afresh after a gap, so what it serves never misses one', () => {
    const recent = new RecentEvents(10);
    for (const seq of [1, 2, 3, 5, 6]) recent.add(event(seq));
    expect(recent.after('a', 2)).toBeNull();
    expect(seqs(recent.after('a', 4))).toEqual([5, 6]);
  });

  it('keeps at most about its capacity per article, the newest, and forgets the least recently used article', () => {
    const recent = new RecentEvents(10, 2);
    for (let seq = 1; seq <= 25; seq++) recent.add(event(seq));
    const kept = seqs(recent.after('a', 24 - 8))!;
    expect(kept.at(-1)).toBe(25);
    expect(recent.after('a', 10)).toBeNull();
    recent.add(event(1, 'b'));
    recent.add(event(1, 'c'));
    expect(recent.after('a', 20)).toBeNull();
    expect(seqs(recent.after('c', 0))).toEqual([1]);
  });

  it('keeps nothing when given no room', () => {
    const recent = new RecentEvents(0);
    recent.add(event(1));
    recent.add(event(2));
    expect(recent.after('a', 0)).toBeNull();
  });
});
