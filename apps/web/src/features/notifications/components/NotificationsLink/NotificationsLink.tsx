import { NavLink } from 'react-router-dom';
import { useNotifications } from '../../hooks/useNotifications';

/** The header's way to the notifications, with the unread count (read out by screen readers too). */
export function NotificationsLink() {
  const { unread } = useNotifications();
  return (
    <NavLink to="/notifications" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
      Notifications{unread > 0 && <span data-testid="unread-count"> ({unread})</span>}
    </NavLink>
  );
}
