import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ArgumentNode } from '@agora/shared';
import { TYPE_LABELS } from '../../../../ui/TypeBadge/TypeBadge';
import styles from './MapNode.module.css';

export type MapNodeData = { node: ArgumentNode; isRoot: boolean; onOpen: (id: string) => void };
export type MapFlowNode = Node<MapNodeData, 'argument'>;

const excerpt = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** An argument on the map: kind in words and colour, strength as fill and border weight. */
export const MapNode = memo(function MapNode({ data }: NodeProps<MapFlowNode>) {
  const { node, isRoot, onOpen } = data;
  const pct = Math.round(node.strength * 100);
  const figure = node.rated ? `${pct}%` : 'not yet rated';
  const paragraph = `Paragraph ${(node.paragraphIndex ?? 0) + 1}${node.stance === 'against' ? ', against the thesis' : ''}`;
  const label = isRoot ? 'Thesis' : node.type === 'claim' ? paragraph : TYPE_LABELS[node.type];
  return (
    <div
      className={`${styles.node} ${styles[node.type]}`}
      data-node-id={node.id}
      data-node-type={node.type}
      data-rated={node.rated}
      style={{ ['--strength' as string]: node.strength, borderWidth: `${1 + Math.round(node.strength * 4)}px` }}
      role="button"
      tabIndex={-1}
      aria-label={`${label}, ${node.rated ? `strength ${pct}%` : 'not yet rated'}: ${excerpt(node.text, 80)}. Open its thread.`}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onOpen(node.id);
      }}
    >
      <Handle type="target" position={Position.Left} className={styles.handle} isConnectable={false} />
      <span className={styles.head}>
        <span className={styles.kind}>{label}</span>
        <span className={styles.pct}>{figure}</span>
      </span>
      <span className={styles.text}>{node.withdrawn ? 'Withdrawn' : excerpt(node.text)}</span>
      <Handle type="source" position={Position.Right} className={styles.handle} isConnectable={false} />
    </div>
  );
});
