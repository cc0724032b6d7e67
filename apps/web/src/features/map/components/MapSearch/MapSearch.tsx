import { useId, useMemo, useState } from 'react';
import type { ArgumentNode } from '@agora/shared';
import { searchNodes } from '../../lib/search';
import styles from './MapSearch.module.css';

interface Props {
  nodes: readonly ArgumentNode[];
  /** A found node chosen: the map unfolds the way to it, centres and highlights it. */
  onChoose: (nodeId: string) => void;
}

const excerpt = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Finds a node by its words, folded away or not; Enter or a click on a match brings it into view. */
export function MapSearch({ nodes, onChoose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => searchNodes(nodes, query), [nodes, query]);
  const choose = (node: ArgumentNode | undefined) => {
    if (!node) return;
    onChoose(node.id);
    setQuery('');
  };
  const open = query.trim().length > 0;
  return (
    <div className={styles.search}>
      <label className={styles.label}>
        Find in the map
        <input
          type="search"
          role="combobox"
          aria-expanded={open && matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
          value={query}
          placeholder="Words of a claim or reply"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (matches.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(matches[active]);
            } else if (e.key === 'Escape') setQuery('');
          }}
        />
      </label>
      {open && (
        <ul id={listId} role="listbox" className={styles.results} aria-label="Matches">
          {matches.length === 0 && <li className={styles.none}>No node says that.</li>}
          {matches.map((n, i) => (
            <li
              key={n.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`${styles.result} ${i === active ? styles.active : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(n)}
            >
              {excerpt(n.text)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
