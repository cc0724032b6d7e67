import { lazy, Suspense } from 'react';
import { createBrowserRouter, Link } from 'react-router-dom';
import { ModerationPage } from '../features/moderation/components/ModerationPage/ModerationPage';
import { ArticleList } from '../features/reader/components/ArticleList/ArticleList';
import { ArticleReader } from '../features/reader/components/ArticleReader/ArticleReader';
import { NotificationsPage } from '../features/notifications/components/NotificationsPage/NotificationsPage';
import { ProfilePage } from '../features/profiles/components/ProfilePage/ProfilePage';
import { SearchPage } from '../features/search/components/SearchPage/SearchPage';
import { ThreadPage } from '../features/thread/components/ThreadPage/ThreadPage';
import { AppShell } from './AppShell/AppShell';
import { AuthPage } from './AuthPage/AuthPage';
import { useDocumentTitle } from '../ui/focus/focus';

// React Flow is large; only the map page needs it.
const MapPage = lazy(() => import('../features/map/components/MapPage/MapPage'));

function NotFound() {
  useDocumentTitle('Not found');
  return (
    <div>
      <h1>Not found</h1>
      <p>
        <Link to="/">Back to the articles</Link>
      </p>
    </div>
  );
}

export const routes = [
  {
    element: <AppShell />,
    children: [
      { path: '/', element: <ArticleList /> },
      { path: '/articles/:id', element: <ArticleReader /> },
      {
        path: '/articles/:id/map',
        element: (
          <Suspense fallback={<p>Loading the map…</p>}>
            <MapPage />
          </Suspense>
        ),
      },
      { path: '/articles/:id/nodes/:nodeId', element: <ThreadPage /> },
      { path: '/moderation', element: <ModerationPage /> },
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '/u/:name', element: <ProfilePage /> },
      { path: '/search', element: <SearchPage /> },
      { path: '/signin', element: <AuthPage mode="signin" /> },
      { path: '/register', element: <AuthPage mode="register" /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
