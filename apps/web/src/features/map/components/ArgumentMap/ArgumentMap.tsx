import { useMemo, type KeyboardEvent } from 'react';
import { Background, Controls, ReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ArgumentNode } from '@agora/shared';
import { layoutArgumentMap } from '../../layout';
import { MapNode, type MapFlowNode } from '../MapNode/MapNode';
import styles from './ArgumentMap.module.css';

const nodeTypes = { argument: MapNode };
const EDGE_COLOURS: Record<ArgumentNode['type'], string> = { claim: '#1f4e8c', support: '#17663a', rebuttal: '#a1262c' };

interface Props {
  nodes: readonly ArgumentNode[];
  onOpen: (nodeId: string) => void;
}

/** The whole article as a graph: thesis, paragraph claims, then every reply; pan and zoom to explore. */
export function ArgumentMap({ nodes, onOpen }: Props) {
  const { flowNodes, flowEdges } = useMemo(() => {
    const layout = layoutArgumentMap(nodes);
    const flowNodes: MapFlowNode[] = layout.nodes.map((p) => ({
      id: p.node.id,
      type: 'argument',
      position: { x: p.x, y: p.y },
      data: { node: p.node, isRoot: p.depth === 0, onOpen },
      draggable: false,
      connectable: false,
      ariaLabel: `${p.node.type} ${Math.round(p.node.strength * 100)}%`,
    }));
    const flowEdges: Edge[] = layout.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'smoothstep',
      style: { stroke: EDGE_COLOURS[e.type], strokeWidth: 1.5, strokeDasharray: e.type === 'rebuttal' ? '5 3' : undefined },
    }));
    return { flowNodes, flowEdges };
  }, [nodes, onOpen]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    const id = (e.target as HTMLElement).closest?.('.react-flow__node')?.getAttribute('data-id');
    if (id) onOpen(id);
  };

  if (!flowNodes.length) return <p>Nothing to map yet.</p>;
  return (
    <div className={styles.map} onKeyDown={onKeyDown} data-testid="argument-map">
      <ReactFlow<MapFlowNode>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        onNodeClick={(_e, n) => onOpen(n.id)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
