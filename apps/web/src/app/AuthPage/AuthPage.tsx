import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { AuthForm } from '../../features/auth/components/AuthForm/AuthForm';
import { useAuth } from '../../features/auth/hooks/useAuth';
import styles from './AuthPage.module.css';
import { useDocumentTitle } from '../../ui/focus/focus';

/** Only same-site paths, so a link cannot send someone elsewhere after signing in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function AuthPage({ mode }: { mode: 'signin' | 'register' }) {
  const { user } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  useDocumentTitle(mode === 'signin' ? 'Sign in' : 'Register');
  if (user) return <Navigate to={next} replace />;
  return (
    <div className={styles.page}>
      <AuthForm key={mode} initialMode={mode} onDone={() => navigate(next, { replace: true })} />
    </div>
  );
}
