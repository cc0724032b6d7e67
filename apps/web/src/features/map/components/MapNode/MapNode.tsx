import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ArgumentNode } from '@agora/shared';
import { TYPE_LABELS } from '../../../../ui/TypeBadge/TypeBadge';
import styles from './MapNode.module.css';

/** A node's strength as the chosen perspective sees it (see usePerspectives); absent: everyone's. */
export interface MapPerspective {
  value: number;
  rated: boolean;
  group: string | null;
  /** The groups part over it. */
  split: boolean;
}
export type MapNodeData = { node: ArgumentNode; isRoot: boolean; onOpen: (id: string) => void; perspective?: MapPerspective };
export type MapFlowNode = Node<MapNodeData, 'argument'>;

const excerpt = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** An argument on the map: kind in words and colour, strength as fill and border weight. */
export const MapNode = memo(function MapNode({ data }: NodeProps<MapFlowNode>) {
  const { node, isRoot, onOpen, perspective } = data;
  const shown = perspective ?? { value: node.strength, rated: node.rated, group: null, split: false };
  const pct = Math.round(shown.value * 100);
  const figure = shown.rated ? `${pct}%` : shown.group ? 'not rated' : 'not yet rated';
  const paragraph = `Paragraph ${(node.paragraphIndex ?? 0) + 1}${node.stance === 'against' ? ', against the thesis' : ''}`;
  const label = isRoot ? 'Thesis' : node.type === 'claim' ? paragraph : TYPE_LABELS[node.type];
  const text = node.withdrawn ? 'Withdrawn' : excerpt(node.text);
  const detail = [shown.rated ? `strength${shown.group ? ` for ${shown.group}` : ''} ${pct}%` : shown.group ? `not rated by ${shown.group}` : null, shown.split ? 'the groups split over it' : null].filter(Boolean);
  // Named by the words shown (WCAG 2.5.3, label in name), with what only the colours say added for screen readers.
  const more = `${detail.length ? `; ${detail.join(', ')}` : ''}. Open its thread.`;
  return (
    <div
      className={`${styles.node} ${styles[node.type]}`}
      data-node-id={node.id}
      data-node-type={node.type}
      data-rated={shown.rated}
      data-perspective={shown.group ?? 'everyone'}
      data-split={shown.split ? 'true' : undefined}
      style={{ ['--strength' as string]: shown.value, borderWidth: `${1 + Math.round(shown.value * 4)}px`, ...(shown.split ? { outline: '2px dashed #8a3f96' } : {}) }}
      role="button"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onOpen(node.id);
      }}
    >
      <Handle type="target" position={Position.Left} className={styles.handle} isConnectable={false} />
      <span className={styles.head}>
        <span className={styles.kind}>{label}</span>
        <span className="visually-hidden">, </span>
        <span className={styles.pct}>{figure}</span>
      </span>
      <span className="visually-hidden">: </span>
      <span className={styles.text}>{text}</span>
      <span className="visually-hidden">{more}</span>
      <Handle type="source" position={Position.Right} className={styles.handle} isConnectable={false} />
    </div>
  );
});
