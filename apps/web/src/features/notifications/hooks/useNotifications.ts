import { useEffect } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Notification, NotificationPage } from '@agora/shared';
import { api } from '../../../api/http';
import { queryKeys } from '../../../api/query-keys';
import { getLiveSocket } from '../../../api/socket';
import { useAuth } from '../../auth/hooks/useAuth';

type Pages = InfiniteData<NotificationPage, string | undefined>;

/** Puts a notification that just arrived at the top of the first page (or updates it in place: rating summaries grow). */
export function withArrived(data: Pages | undefined, n: Notification): Pages | undefined {
  if (!data) return data;
  const known = data.pages.flatMap((p) => p.items).find((i) => i.id === n.id);
  const unreadDelta = n.read ? 0 : known && !known.read ? 0 : 1;
  const pages = data.pages.map((p, i) => {
    const items = p.items.filter((item) => item.id !== n.id);
    return i === 0 ? { ...p, items: [n, ...items], unread: p.unread + unreadDelta } : { ...p, items, unread: p.unread + unreadDelta };
  });
  return { ...data, pages };
}

/**
 * The signed-in reader's notifications, newest first, paged, kept current by `notification:created`
 * on their own socket; `unread` counts what they have not marked read.
 */
export function useNotifications() {
  const { user } = useAuth();
  const qc = useQueryClient();
  const key = queryKeys.notifications(user?.id);
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => api.notifications(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!user,
  });

  useEffect(() => {
    if (!user) return;
    const socket = getLiveSocket();
    const onNotification = (n: Notification) => qc.setQueryData<Pages>(key, (data) => withArrived(data, n));
    socket.on('notification:created', onNotification);
    if (!socket.connected && !socket.active) socket.connect();
    return () => void socket.off('notification:created', onNotification);
    // `key` follows from the user's id.
  }, [user?.id, qc]);

  const markRead = useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) => api.markNotificationsRead(which),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = query.data?.pages[0]?.unread ?? 0;
  return { ...query, items, unread, markRead };
}
