import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../../api/errors';
import { ErrorNote } from '../../../../ui/ErrorNote/ErrorNote';
import { useAuth } from '../../hooks/useAuth';
import styles from './AuthForm.module.css';

interface Props {
  initialMode?: 'signin' | 'register';
  /** Called once signed in. */
  onDone?: () => void;
  /** Shown above the form, e.g. why an account is needed. */
  intro?: string;
  compact?: boolean;
}

/** Sign in or create an account, in place: used on its own page and inside composers. */
export function AuthForm({ initialMode = 'signin', onDone, intro, compact = false }: Props) {
  const { signIn, register } = useAuth();
  const [mode, setMode] = useState(initialMode);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (mode === 'register') {
      if (!/^[A-Za-z0-9_-]{3,32}$/.test(username)) return setError('Usernames are 3 to 32 letters, digits, _ or -.');
      if (password.length < 8) return setError('Passwords need at least 8 characters.');
    }
    setBusy(true);
    try {
      await (mode === 'signin' ? signIn(username, password) : register(username, password));
      onDone?.();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const title = mode === 'signin' ? 'Sign in' : 'Create an account';
  return (
    <form className={`${styles.form} ${compact ? styles.compact : ''}`} onSubmit={submit} aria-labelledby={`${id}-title`}>
      {compact ? (
        <p id={`${id}-title`} className={styles.title}>
          {intro ?? title}
        </p>
      ) : (
        <>
          <h1 id={`${id}-title`}>{title}</h1>
          {intro && <p>{intro}</p>}
        </>
      )}
      <label htmlFor={`${id}-user`}>Username</label>
      <input
        id={`${id}-user`}
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        required
        maxLength={64}
      />
      <label htmlFor={`${id}-pass`}>Password</label>
      <input
        id={`${id}-pass`}
        type="password"
        autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
        maxLength={200}
      />
      <ErrorNote>{error}</ErrorNote>
      <div className={styles.actions}>
        <button type="submit" data-variant="primary" disabled={busy}>
          {busy ? 'Please wait…' : mode === 'signin' ? 'Sign in' : 'Create account'}
        </button>
        <button type="button" data-variant="link" onClick={() => setMode(mode === 'signin' ? 'register' : 'signin')}>
          {mode === 'signin' ? 'New here? Create an account' : 'Have an account? Sign in'}
        </button>
      </div>
    </form>
  );
}
