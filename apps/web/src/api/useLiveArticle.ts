import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ArticleDetail, ArticleListItem, LivePayloads, PublicUser } from '@agora/shared';
import { reloadArticle } from './article-nodes';
import { hasNodes, putNode, putVotes } from './node-cache';
import { queryKeys } from './query-keys';
import { getLiveSocket } from './socket';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

type Sequenced = Exclude<keyof LivePayloads, 'presence'>;
type Viewer = Pick<PublicUser, 'id' | 'role'> | null;

/**
 * Applies one sequenced event to the cache in place. The reader's nodes are partial: a node joins them
 * when its parent is there, and otherwise shows only through the figures of what is loaded above it.
 * Returns false when no nodes of the article are loaded yet. Exported for tests.
 */
export function applyLiveEvent<K extends Sequenced>(qc: QueryClient, name: K, payload: LivePayloads[K], viewer: Viewer): boolean {
  switch (name) {
    case 'node:created':
    case 'node:updated': {
      if (!hasNodes(qc, payload.articleId)) return false;
      const { node, strengths } = payload as LivePayloads['node:created'];
      putNode(qc, node, viewer, name === 'node:created', strengths);
      return true;
    }
    case 'vote:changed': {
      if (!hasNodes(qc, payload.articleId)) return false;
      const p = payload as LivePayloads['vote:changed'];
      putVotes(qc, p.articleId, p.nodeId, p.votes, p.votesVersion, { strength: p.strength, rated: p.rated }, p.strengths);
      return true;
    }
    case 'article:updated': {
      const { article } = payload as LivePayloads['article:updated'];
      qc.setQueryData<ArticleDetail>(queryKeys.article(article.id), (old) => (old ? { ...old, ...article } : old));
      qc.setQueryData<ArticleListItem[]>(queryKeys.articles(), (old) => old?.map((a) => (a.id === article.id ? { ...a, ...article } : a)));
      return true;
    }
    case 'article:revised':
      // Paragraphs, anchors and the tree may all have moved: everything of the article is read again.
      void reloadArticle(qc, payload.articleId);
      void qc.invalidateQueries({ queryKey: queryKeys.revisions(payload.articleId) });
      return true;
  }
  return false;
}

const SEQUENCED: Sequenced[] = ['node:created', 'node:updated', 'vote:changed', 'article:updated', 'article:revised'];

/**
 * Joins an article's live room while mounted: applies events in order, once each (by seq), rejoins
 * with `since` after a reconnection and reloads only when the server says it cannot replay.
 */
export function useLiveArticle(articleId: string | undefined, viewer: Viewer): { status: LiveStatus; viewers: number | null } {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [viewers, setViewers] = useState<number | null>(null);
  const viewerRef = useRef(viewer);
  viewerRef.current = viewer;

  useEffect(() => {
    if (!articleId) return;
    const socket = getLiveSocket();
    let lastSeq: number | null = null;
    let joined = false;
    // Events that arrive before any of the article's nodes have loaded wait here and are applied once they are.
    let waiting: { name: Sequenced; payload: LivePayloads[Sequenced] }[] = [];
    const nodeKeys = new Set([JSON.stringify(queryKeys.tree(articleId)), JSON.stringify(queryKeys.fullTree(articleId))]);

    const flush = () => {
      if (!waiting.length || !hasNodes(qc, articleId)) return;
      const pending = waiting;
      waiting = [];
      for (const e of pending) applyLiveEvent(qc, e.name, e.payload, viewerRef.current);
    };
    const unsubscribe = qc.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && nodeKeys.has(event.query.queryHash)) flush();
    });

    const handlers = SEQUENCED.map((name) => {
      const handler = (payload: LivePayloads[Sequenced]) => {
        if (payload.articleId !== articleId) return;
        if (lastSeq !== null && payload.seq <= lastSeq) return;
        lastSeq = payload.seq;
        if (!applyLiveEvent(qc, name, payload, viewerRef.current) && name !== 'article:updated' && name !== 'article:revised') waiting.push({ name, payload });
      };
      socket.on(name, handler as never);
      return [name, handler] as const;
    });
    const onPresence = (p: LivePayloads['presence']) => {
      if (p.articleId === articleId) setViewers(p.viewers);
    };
    socket.on('presence', onPresence);

    const join = () => {
      const since = lastSeq ?? undefined;
      socket.timeout(8000).emit('join', since === undefined ? { articleId } : { articleId, since }, (err, ack) => {
        if (err || !ack) {
          setStatus(socket.connected ? 'reconnecting' : 'offline');
          return;
        }
        if (!ack.ok) {
          setStatus('offline');
          return;
        }
        setViewers(ack.viewers);
        setStatus('live');
        if (ack.resync) {
          lastSeq = ack.seq;
          void reloadArticle(qc, articleId);
        } else if (!joined) {
          // First join: later events are live ones. On a rejoin the replay advances lastSeq itself.
          lastSeq = Math.max(lastSeq ?? 0, ack.seq);
        }
        joined = true;
      });
    };
    const onConnect = () => join();
    const onDisconnect = (reason: string) => setStatus(reason === 'io client disconnect' && !socket.active ? 'offline' : 'reconnecting');
    const onConnectError = () => setStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
    const onOffline = () => setStatus('offline');
    const onOnline = () => {
      if (!socket.connected) {
        setStatus('reconnecting');
        socket.connect();
      }
    };

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    if (socket.connected) join();
    else socket.connect();

    return () => {
      unsubscribe();
      for (const [name, handler] of handlers) socket.off(name, handler as never);
      socket.off('presence', onPresence);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      if (socket.connected) socket.emit('leave', { articleId });
    };
  }, [articleId, qc]);

  return { status, viewers };
}
