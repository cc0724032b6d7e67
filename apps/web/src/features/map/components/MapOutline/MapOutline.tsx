import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { ArgumentNode } from '@agora/shared';
import type { FocusRequest } from '../../hooks/useMapView';
import type { VisibleTree } from '../../lib/map-tree';
import { strengthColour, textOnStrength } from '../../lib/strength-colour';
import { describeMapNode, type MapPerspective } from '../MapNode/MapNode';
import styles from './MapOutline.module.css';

interface Props {
  visible: VisibleTree;
  collapsed: ReadonlySet<string>;
  highlighted: string | null;
  focus: FocusRequest | null;
  threadHref: (nodeId: string) => string;
  onToggle: (nodeId: string) => void;
  perspectiveOf?: (node: ArgumentNode) => MapPerspective;
}

/** The map on a phone: the same tree as nested lists, each entry a link to its thread, branches folded alike. */
export function MapOutline({ visible, collapsed, highlighted, focus, threadHref, onToggle, perspectiveOf }: Props) {
  const root = visible.nodes[0];
  const byId = new Map(visible.nodes.map((n) => [n.id, n]));
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus) return;
    const link = list.current?.querySelector<HTMLElement>(`[data-node-id="${focus.id}"] > div a`);
    link?.scrollIntoView({ block: 'center' });
    link?.focus({ preventScroll: true });
  }, [focus]);
  if (!root) return <p>Nothing to map yet.</p>;

  const item = (node: ArgumentNode, depth: number) => {
    const kids = visible.children.get(node.id) ?? [];
    const below = visible.below.get(node.id) ?? 0;
    const folded = collapsed.has(node.id);
    const shown = perspectiveOf?.(node) ?? { value: node.strength, rated: node.rated };
    const { label, figure } = describeMapNode(node, depth === 0, perspectiveOf?.(node));
    return (
      <li key={node.id} data-node-id={node.id} data-node-type={node.type} data-highlighted={highlighted === node.id ? 'true' : undefined} className={styles.item}>
        <div className={`${styles.entry} ${styles[node.type]} ${highlighted === node.id ? styles.highlighted : ''}`}>
          <span className={styles.head}>
            <span className={styles.kind}>{label}</span>
            <span className={styles.swatch} style={{ background: strengthColour(shown.value, shown.rated), color: textOnStrength(shown.value, shown.rated) }}>
              {figure}
            </span>
          </span>
          <Link to={threadHref(node.id)} className={styles.link}>
            {node.withdrawn ? 'Withdrawn' : node.text}
          </Link>
          {below > 0 && (
            <button type="button" className={styles.toggle} aria-expanded={!folded} onClick={() => onToggle(node.id)}>
              {folded ? `Show ${below} beneath` : 'Hide'}
            </button>
          )}
        </div>
        {kids.length > 0 && <ul className={styles.list}>{kids.map((id) => item(byId.get(id)!, depth + 1))}</ul>}
      </li>
    );
  };

  return (
    <div ref={list} className={styles.outline} data-testid="map-outline">
      <ul className={styles.root}>{item(root, 0)}</ul>
    </div>
  );
}
