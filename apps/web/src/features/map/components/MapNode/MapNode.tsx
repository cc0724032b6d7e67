import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ArgumentNode } from '@agora/shared';
import { TYPE_LABELS } from '../../../../ui/TypeBadge/TypeBadge';
import { strengthColour, textOnStrength } from '../../lib/strength-colour';
import styles from './MapNode.module.css';

/** A node's strength as the chosen perspective sees it (see usePerspectives); absent: everyone's. */
export interface MapPerspective {
  value: number;
  rated: boolean;
  group: string | null;
  /** The groups part over it. */
  split: boolean;
}
export type MapNodeData = {
  node: ArgumentNode;
  isRoot: boolean;
  onToggle: (id: string) => void;
  perspective?: MapPerspective;
  /** How many nodes it could unfold beneath it (0: none), and whether they are folded away. */
  below: number;
  collapsed: boolean;
  current?: boolean;
  highlighted?: boolean;
};
export type MapFlowNode = Node<MapNodeData, 'argument'>;

const excerpt = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What a node says about itself, in words: kind, strength, opening words. */
export function describeMapNode(node: ArgumentNode, isRoot: boolean, perspective?: MapPerspective): { label: string; figure: string; summary: string } {
  const shown = perspective ?? { value: node.strength, rated: node.rated, group: null, split: false };
  const pct = Math.round(shown.value * 100);
  const figure = shown.rated ? `${pct}%` : shown.group ? 'not rated' : 'not yet rated';
  const paragraph = `Paragraph ${(node.paragraphIndex ?? 0) + 1}${node.stance === 'against' ? ', against the thesis' : ''}`;
  const label = isRoot ? 'Thesis' : node.type === 'claim' ? paragraph : node.origin === 'article' ? `Article: ${TYPE_LABELS[node.type].toLowerCase()}` : TYPE_LABELS[node.type];
  const strength = shown.rated ? `strength${shown.group ? ` for ${shown.group}` : ''} ${pct}%` : shown.group ? `not rated by ${shown.group}` : 'not yet rated';
  return { label, figure, summary: `${label}, ${strength}${shown.split ? ', the groups split over it' : ''}: ${excerpt(node.withdrawn ? 'Withdrawn' : node.text, 80)}` };
}

/**
 * An argument on the map: kind in words and border colour, strength as fill (see the legend) and border
 * weight. Clicking it opens its thread (see ArgumentMap); its button folds or unfolds what hangs beneath.
 */
export const MapNode = memo(function MapNode({ data }: NodeProps<MapFlowNode>) {
  const { node, isRoot, onToggle, perspective, below, collapsed, current, highlighted } = data;
  const shown = perspective ?? { value: node.strength, rated: node.rated, group: null, split: false };
  const { label, figure, summary } = describeMapNode(node, isRoot, perspective);
  return (
    <div
      id={`map-node-${node.id}`}
      className={`${styles.node} ${styles[node.type]} ${current ? styles.current : ''} ${highlighted ? styles.highlighted : ''}`}
      data-node-id={node.id}
      data-node-type={node.type}
      data-rated={shown.rated}
      data-perspective={shown.group ?? 'everyone'}
      data-split={shown.split ? 'true' : undefined}
      data-current={current ? 'true' : undefined}
      data-highlighted={highlighted ? 'true' : undefined}
      style={{
        background: strengthColour(shown.value, shown.rated),
        color: textOnStrength(shown.value, shown.rated),
        borderWidth: `${1 + Math.round(shown.value * 4)}px`,
        ...(shown.split ? { outline: '2px dashed #8a3f96' } : {}),
      }}
      role="button"
      tabIndex={-1}
      aria-label={`${summary}. Open its thread.`}
    >
      <Handle type="target" position={Position.Top} className={styles.handle} isConnectable={false} />
      <span className={styles.head}>
        <span className={styles.kind}>{label}</span>
        <span className={styles.pct}>{figure}</span>
      </span>
      <span className={styles.text}>{node.withdrawn ? 'Withdrawn' : excerpt(node.text)}</span>
      {below > 0 && (
        <button
          type="button"
          className={`${styles.toggle} nodrag nopan`}
          tabIndex={-1}
          aria-expanded={!collapsed}
          aria-label={collapsed ? `Unfold ${below} ${below === 1 ? 'node' : 'nodes'} beneath` : `Fold the ${below} ${below === 1 ? 'node' : 'nodes'} beneath`}
          data-testid="map-toggle"
          // Focus stays on the map, where the keys are read.
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(node.id);
          }}
        >
          {collapsed ? `+${below}` : '−'}
        </button>
      )}
      <Handle type="source" position={Position.Bottom} className={styles.handle} isConnectable={false} />
    </div>
  );
});
