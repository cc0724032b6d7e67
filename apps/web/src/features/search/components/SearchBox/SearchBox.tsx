import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import styles from './SearchBox.module.css';

/** The header's search field: opens the results page. */
export function SearchBox() {
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (q.length >= 2) void navigate(`/search?q=${encodeURIComponent(q)}`);
  };
  return (
    <form role="search" className={styles.form} onSubmit={submit}>
      <label htmlFor="site-search" className="visually-hidden">
        Search articles and arguments
      </label>
      <input id="site-search" type="search" value={text} maxLength={100} placeholder="Search…" onChange={(e) => setText(e.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}
