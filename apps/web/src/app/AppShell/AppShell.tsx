import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { isModerator } from '@agora/shared';
import { useAuth } from '../../features/auth/hooks/useAuth';
import { NotificationsLink } from '../../features/notifications/components/NotificationsLink/NotificationsLink';
import { SearchBox } from '../../features/search/components/SearchBox/SearchBox';
import styles from './AppShell.module.css';

/** Header, navigation and the page below. */
export function AppShell() {
  const { user, signOut } = useAuth();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname);
  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <Link to="/" className={styles.brand}>
          Agora
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          <NavLink to="/" end>
            Articles
          </NavLink>
          {isModerator(user) && <NavLink to="/moderation">Moderation</NavLink>}
          {user && <NotificationsLink />}
        </nav>
        <SearchBox />
        <div className={styles.account}>
          {user ? (
            <>
              <span className={styles.who}>
                <Link to={`/u/${encodeURIComponent(user.username)}`}>{user.username}</Link>
                {user.role !== 'participant' && <span className={styles.role}> ({user.role})</span>}
              </span>
              <button type="button" onClick={signOut}>
                Sign out
              </button>
            </>
          ) : (
            <>
              <Link to={`/signin?next=${next}`}>Sign in</Link>
              <Link to={`/register?next=${next}`}>Register</Link>
            </>
          )}
        </div>
      </header>
      {user?.banned && <p className={styles.banner}>Your account is banned: you can read but not post, vote or flag.</p>}
      {user?.suspendedUntil && Date.parse(user.suspendedUntil) > Date.now() && (
        <p className={styles.banner}>Your account is suspended until {new Date(user.suspendedUntil).toLocaleString()}: you can read but not write.</p>
      )}
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
