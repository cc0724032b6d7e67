import { describe, expect, it } from 'vitest';
import type { Notification } from '@agora/shared';
import { withArrived } from './useNotifications';

const note = (id: string, over: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'reply',
  nodeId: 'n'.repeat(24),
  articleId: 'a'.repeat(24),
  actorName: 'ben',
  text: 'A reply.',
  read: false,
  createdAt: '2026-12-06T00:00:00.000Z',
  ...over,
});

describe('withArrived', () => {
  const pages = (items: Notification[], unread: number) => ({ pages: [{ items, unread, nextCursor: null }], pageParams: [undefined] });

  it('puts a new notification first and counts it unread', () => {
    const sut = withArrived(pages([note('old', { read: true })], 0), note('new'));
    expect(sut!.pages[0].items.map((n) => n.id)).toEqual(['new', 'old']);
    expect(sut!.pages[0].unread).toBe(1);
  });

  it('moves an updated summary to the top without counting it twice', () => {
    const sut = withArrived(pages([note('other'), note('votes', { kind: 'votes', text: '1 new rating' })], 2), note('votes', { kind: 'votes', text: '2 new ratings' }));
    expect(sut!.pages[0].items.map((n) => n.text)).toEqual(['2 new ratings', 'A reply.']);
    expect(sut!.pages[0].unread).toBe(2);
  });

  it('counts a summary that was read as unread again', () => {
    const sut = withArrived(pages([note('votes', { kind: 'votes', read: true })], 0), note('votes', { kind: 'votes' }));
    expect(sut!.pages[0].unread).toBe(1);
  });

  it('leaves an unloaded list alone', () => {
    expect(withArrived(undefined, note('x'))).toBeUndefined();
  });
});
