import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArgumentNode } from '@agora/shared';
import { makeNode, makeTree } from '../test/factories';
import { createTestClient } from '../test/render';
import { queryKeys } from './query-keys';

type Ack = { ok: true; seq: number; viewers: number; resync?: boolean };
/** A stand-in for the socket.io client: records joins and lets the test fire server events. */
const fake = vi.hoisted(() => {
  const handlers = new Map<string, Set<(...a: unknown[]) => void>>();
  const joins: { articleId: string; since?: number }[] = [];
  const state = { connected: false, nextAck: null as unknown };
  const socket = {
    get connected() {
      return state.connected;
    },
    active: true,
    on(ev: string, fn: (...a: unknown[]) => void) {
      if (!handlers.has(ev)) handlers.set(ev, new Set());
      handlers.get(ev)!.add(fn);
      return socket;
    },
    off(ev: string, fn: (...a: unknown[]) => void) {
      handlers.get(ev)?.delete(fn);
      return socket;
    },
    connect() {
      state.connected = true;
      fire('connect');
    },
    timeout() {
      return socket;
    },
    emit(ev: string, req: { articleId: string; since?: number }, cb?: (err: unknown, ack: unknown) => void) {
      if (ev === 'join') {
        joins.push(req);
        cb?.(null, state.nextAck);
      }
    },
  };
  function fire(ev: string, ...args: unknown[]) {
    for (const fn of handlers.get(ev) ?? []) fn(...args);
  }
  return { socket, fire, joins, state, handlers };
});
vi.mock('./socket', () => ({ getLiveSocket: () => fake.socket }));

const { useLiveArticle } = await import('./useLiveArticle');

function setup(ack: Ack) {
  const t = makeTree();
  const client = createTestClient();
  client.setQueryData(queryKeys.tree(t.articleId), t.all);
  fake.state.nextAck = ack;
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const hook = renderHook(() => useLiveArticle(t.articleId, null), { wrapper });
  const tree = () => client.getQueryData<ArgumentNode[]>(queryKeys.tree(t.articleId))!;
  return { ...t, client, hook, tree };
}

describe('useLiveArticle', () => {
  beforeEach(() => {
    fake.handlers.clear();
    fake.joins.length = 0;
    fake.state.connected = false;
  });

  it('joins the article room and reports Live with the viewer count', async () => {
    const sut = setup({ ok: true, seq: 10, viewers: 3 });
    await waitFor(() => expect(sut.hook.result.current).toEqual({ status: 'live', viewers: 3 }));
    expect(fake.joins).toEqual([{ articleId: sut.articleId }]);
    act(() => fake.fire('presence', { articleId: sut.articleId, viewers: 4 }));
    expect(sut.hook.result.current.viewers).toBe(4);
  });

  it('applies each event once, in order, ignoring ones already seen', async () => {
    const sut = setup({ ok: true, seq: 10, viewers: 1 });
    await waitFor(() => expect(sut.hook.result.current.status).toBe('live'));
    const a = makeNode({ parentId: sut.claim.id, text: 'eleven' });
    const old = makeNode({ parentId: sut.claim.id, text: 'stale' });
    act(() => {
      fake.fire('node:created', { articleId: sut.articleId, seq: 11, node: a });
      fake.fire('node:created', { articleId: sut.articleId, seq: 9, node: old });
      fake.fire('vote:changed', { articleId: sut.articleId, seq: 12, nodeId: a.id, votes: { ...a.votes, count: 1, sum: 5 }, votesVersion: 1, strength: 0.9 });
      fake.fire('vote:changed', { articleId: sut.articleId, seq: 12, nodeId: a.id, votes: { ...a.votes, count: 99, sum: 5 }, votesVersion: 2, strength: 0.1 });
    });
    const ids = sut.tree().map((n) => n.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(old.id);
    expect(sut.tree().find((n) => n.id === a.id)).toMatchObject({ strength: 0.9, votes: { count: 1 } });
  });

  it('rejoins with the last seq after a reconnection, and reloads when told to resync', async () => {
    const sut = setup({ ok: true, seq: 10, viewers: 1 });
    await waitFor(() => expect(sut.hook.result.current.status).toBe('live'));
    act(() => fake.fire('node:created', { articleId: sut.articleId, seq: 11, node: makeNode({ parentId: sut.claim.id }) }));
    act(() => {
      fake.state.connected = false;
      fake.fire('disconnect', 'transport close');
    });
    expect(sut.hook.result.current.status).toBe('reconnecting');

    const invalidate = vi.spyOn(sut.client, 'invalidateQueries');
    fake.state.nextAck = { ok: true, seq: 500, viewers: 2, resync: true };
    act(() => fake.socket.connect());
    expect(fake.joins.at(-1)).toEqual({ articleId: sut.articleId, since: 11 });
    await waitFor(() => expect(sut.hook.result.current.status).toBe('live'));
    // The first screen first, then the nodes seeded from it, then the pages opened, merged into those.
    await waitFor(() => expect(invalidate).toHaveBeenCalledTimes(5));
    expect(invalidate.mock.calls.map(([filters]) => filters!.queryKey)).toEqual([
      queryKeys.article(sut.articleId),
      queryKeys.tree(sut.articleId),
      queryKeys.fullTree(sut.articleId),
      ['my-votes', sut.articleId],
      queryKeys.loaded(sut.articleId),
    ]);
  });

  it('reads the whole article again, and its versions, when it is revised', async () => {
    const sut = setup({ ok: true, seq: 10, viewers: 1 });
    await waitFor(() => expect(sut.hook.result.current.status).toBe('live'));
    const invalidate = vi.spyOn(sut.client, 'invalidateQueries');
    act(() => fake.fire('article:revised', { articleId: sut.articleId, seq: 11, revision: 1, revisedAt: '2026-01-02T00:00:00.000Z' }));
    await waitFor(() => expect(invalidate).toHaveBeenCalledTimes(6));
    expect(invalidate.mock.calls.map(([filters]) => filters!.queryKey)).toEqual(
      expect.arrayContaining([queryKeys.article(sut.articleId), queryKeys.tree(sut.articleId), queryKeys.loaded(sut.articleId), queryKeys.revisions(sut.articleId)]),
    );
  });

  it('applies events to the map’s whole tree as to the reader’s nodes', async () => {
    const sut = setup({ ok: true, seq: 10, viewers: 1 });
    sut.client.setQueryData(queryKeys.fullTree(sut.articleId), sut.all);
    await waitFor(() => expect(sut.hook.result.current.status).toBe('live'));
    const reply = makeNode({ parentId: sut.support.id });
    act(() => fake.fire('node:created', { articleId: sut.articleId, seq: 11, node: reply }));
    for (const key of [queryKeys.tree(sut.articleId), queryKeys.fullTree(sut.articleId)]) {
      expect(sut.client.getQueryData<ArgumentNode[]>(key)!.map((n) => n.id)).toContain(reply.id);
    }
  });

  it('holds events until the article’s nodes are loaded, then applies them', async () => {
    const t = makeTree();
    const client = createTestClient();
    fake.state.nextAck = { ok: true, seq: 10, viewers: 1 };
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const hook = renderHook(() => useLiveArticle(t.articleId, null), { wrapper });
    await waitFor(() => expect(hook.result.current.status).toBe('live'));
    const reply = makeNode({ parentId: t.claim.id });
    act(() => fake.fire('node:created', { articleId: t.articleId, seq: 11, node: reply }));
    act(() => client.setQueryData(queryKeys.tree(t.articleId), t.all));
    await waitFor(() => expect(client.getQueryData<ArgumentNode[]>(queryKeys.tree(t.articleId))!.map((n) => n.id)).toContain(reply.id));
  });
});
