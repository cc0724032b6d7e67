import { Link } from 'react-router-dom';

/** A reader's name, linking to their profile. */
export function UserLink({ name, className }: { name: string | null | undefined; className?: string }) {
  if (!name) return <span className={className}>Unknown</span>;
  return (
    <Link to={`/u/${encodeURIComponent(name)}`} className={className}>
      {name}
    </Link>
  );
}
